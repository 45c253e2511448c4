/* District.Team service worker (rendered by portal.offline.service_worker).
   Keeps the shell for everyone and, for a signed-in member, the pages the server
   marks (X-Offline-Cache) in a cache named after that member's opaque id. */
"use strict";
importScripts("{{ static_url }}js/survey-offline.js");
var VERSION = "{{ version }}";
var SHELL = "dt-shell-" + VERSION;
var MEMBER_PREFIX = "dt-member-";
var SHELL_URLS = [{% for url in shell %}"{{ url|escapejs }}", {% endfor %}{% for code in languages %}"/{{ code }}/offline/"{% if not forloop.last %}, {% endif %}{% endfor %}];
var LANGUAGES = [{% for code in languages %}"{{ code }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
var STATIC_URL = "{{ static_url }}";
var lastRefresh = {};
var seenMember = null;  // the member the last page or state named

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return Promise.all(SHELL_URLS.map(function (url) {
      return fetch(url, { credentials: "omit" }).then(function (response) {
        if (response.ok) return cache.put(url, response);
      });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("dt-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function memberCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(MEMBER_PREFIX) === 0; });
  });
}

// At most one member's pages on the device: another member (or nobody) named by
// the server drops the others' at once.
function switchTo(member) {
  return memberCaches().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name !== MEMBER_PREFIX + member;
    }).map(function (name) { return caches.delete(name); }));
  });
}

function currentMember() {
  return memberCaches().then(function (names) {
    return names.length ? names[0].slice(MEMBER_PREFIX.length) : null;
  });
}

function pageKey(url) { var u = new URL(url); u.hash = ""; return u.href; }

function keep(request, response) {
  var member = response.headers.get("X-Offline-Member");
  var keepFor = response.headers.get("X-Offline-Cache");
  if (!member) return Promise.resolve();
  seenMember = member;
  return switchTo(member).then(function () {
    if (!keepFor || keepFor !== member || response.redirected) return;
    return caches.open(MEMBER_PREFIX + member).then(function (cache) {
      return cache.put(pageKey(request.url), response);
    });
  });
}

function languageOf(url) {
  var first = new URL(url).pathname.split("/")[1];
  return LANGUAGES.indexOf(first) !== -1 ? first : LANGUAGES[0];
}

// The member's open cycles (in the page's language), fetched ahead of need.
// Once in 15 minutes per language and member at most (a 2G connection pays for it).
function refresh(lang) {
  return refreshFor(lang, lang + ":" + seenMember);
}

function refreshFor(lang, key) {
  var now = Date.now();
  if (lastRefresh[key] && now - lastRefresh[key] < 900000) return Promise.resolve();
  lastRefresh[key] = now;
  return fetch("/" + lang + "/offline/state/", { credentials: "same-origin" }).then(function (response) {
    return response.json();
  }).then(function (state) {
    seenMember = state.member;
    return switchTo(state.member).then(function () {
      return Promise.all((state.pages || []).map(function (url) {
        var request = new Request(url, { credentials: "same-origin" });
        return fetch(request).then(function (response) { return keep(request, response); });
      }));
    });
  }).catch(function () { lastRefresh[key] = 0; });
}

function navigate(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    event.waitUntil(keep(request, response.clone()).then(function () {
      return refresh(languageOf(request.url));
    }));
    return response;
  }).catch(function () {
    return currentMember().then(function (member) {
      var found = member ? caches.open(MEMBER_PREFIX + member).then(function (cache) {
        return cache.match(pageKey(request.url), { ignoreVary: true });
      }) : Promise.resolve(undefined);
      return found.then(function (page) {
        if (page) return page;
        return caches.match("/" + languageOf(request.url) + "/offline/", { ignoreVary: true }).then(function (fallback) {
          return fallback || Response.error();
        });
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET") return;
  if (url.pathname.indexOf("/admin/") === 0 || url.pathname.indexOf("/django-admin/") === 0) return;
  if (request.mode === "navigate") { event.respondWith(navigate(event)); return; }
  if (url.pathname.indexOf(STATIC_URL) === 0) {
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || fetch(request);
      });
    }));
  }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "refresh") {
    event.waitUntil(refresh(data.lang || LANGUAGES[0]));
  } else if (data.type === "logout") {
    event.waitUntil(switchTo("\u0000").then(function () { return DTOffline.clear(); }));
  }
});

// Background Sync: drafts typed offline sent through the draft path when no page of
// the site is open (an open page sends them itself, with its current version, so a
// draft is never sent twice with two versions).
self.addEventListener("sync", function (event) {
  if (event.tag !== "dt-survey-drafts") return;
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (open) {
    if (!open.length) return DTOffline.flush(fetch.bind(self));
  }));
});
