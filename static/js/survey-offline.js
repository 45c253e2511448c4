/* District.Team: the queue of survey drafts typed without a connection (IndexedDB),
   shared by the page (survey.js) and the service worker (Background Sync). Each entry
   names the member whose page queued it; only that member's entries are shown or sent. */
(function (scope) {
  "use strict";
  var DB = "dt-offline", QUEUE = "queue", META = "meta";

  function open() {
    return new Promise(function (resolve, reject) {
      if (!scope.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var request = scope.indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(QUEUE, { keyPath: "key" });
        request.result.createObjectStore(META, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var result = work(tx.objectStore(store));
        tx.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  var api = {
    put: function (entry) { return run(QUEUE, "readwrite", function (s) { return s.put(entry); }); },
    remove: function (key) { return run(QUEUE, "readwrite", function (s) { return s.delete(key); }); },
    list: function (member) {
      return run(QUEUE, "readonly", function (s) { return s.getAll(); }).then(function (all) {
        return (all || []).filter(function (entry) { return entry.member === member; });
      });
    },
    synced: function (member) {
      return run(META, "readonly", function (s) { return s.get("sync:" + member); }).then(function (row) {
        return row ? row.at : null;
      });
    },
    setSynced: function (member) {
      return run(META, "readwrite", function (s) { return s.put({ key: "sync:" + member, at: Date.now() }); });
    },
    clear: function () {
      return Promise.all([QUEUE, META].map(function (store) {
        return run(store, "readwrite", function (s) { return s.clear(); });
      }));
    },
    // Send the signed-in member's drafts through the draft path (merge and 409 as
    // online); a 409 stays queued for the page to show and resend.
    flush: function (fetcher) {
      return fetcher("/fr/offline/state/", { credentials: "same-origin" }).then(function (r) {
        return r.json();
      }).then(function (state) {
        if (!state.member || state.member === "none") return null;
        return api.list(state.member).then(function (entries) {
          return Promise.all(entries.map(function (entry) {
            return fetcher(entry.url, {
              method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/json", "X-CSRFToken": state.csrf },
              body: JSON.stringify({ answers: entry.answers, version: entry.version, shown: entry.shown })
            }).then(function (response) {
              if (!response.ok) return;
              return api.remove(entry.key).then(function () { return api.setSynced(state.member); });
            });
          }));
        });
      });
    }
  };
  scope.DTOffline = api;
})(self);
