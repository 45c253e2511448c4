/* District.Team survey: conditions, debounced autosave of drafts, offline backup.
   The form works without this file (plain POST); this only adds comfort. */
(function () {
  "use strict";
  var form = document.getElementById("survey-form");
  if (!form) return;
  var statusBox = document.getElementById("survey-status");
  var versionInput = form.querySelector("input[name=version]");
  var storageKey = form.dataset.storageKey;
  var serverAnswers = JSON.parse(document.getElementById("survey-answers").textContent || "{}");
  var autosave = form.dataset.status !== "submitted";
  var timer = null;
  var inFlight = false;
  var pending = false;

  function say(text) { if (statusBox) statusBox.textContent = text; }

  function questionBoxes() { return form.querySelectorAll("[data-question]"); }

  function readAnswer(box) {
    var inputs = box.querySelectorAll("input, textarea, select");
    var values = [];
    var multiple = false;
    inputs.forEach(function (input) {
      if (input.type === "checkbox") { multiple = true; if (input.checked) values.push(input.value); }
      else if (input.type === "radio") { if (input.checked) values.push(input.value); }
      else if (input.value.trim() !== "") { values.push(input.value.trim()); }
    });
    if (multiple) return values;
    return values.length ? values[0] : "";
  }

  function writeAnswer(box, value) {
    box.querySelectorAll("input, textarea, select").forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        var list = Array.isArray(value) ? value.map(String) : [String(value)];
        input.checked = list.indexOf(input.value) !== -1;
      } else {
        input.value = value === undefined || value === null ? "" : String(value);
      }
    });
  }

  // The questions this page showed: the server changes only those (a question added
  // in another language since this page was loaded keeps its stored answer).
  function shownQuestions() {
    return Array.prototype.map.call(questionBoxes(), function (box) { return box.dataset.question; });
  }

  function collect(includeHidden) {
    var answers = {};
    questionBoxes().forEach(function (box) {
      if (box.hidden && !includeHidden) return;
      var value = readAnswer(box);
      if (value !== "" && !(Array.isArray(value) && value.length === 0)) answers[box.dataset.question] = value;
    });
    return answers;
  }

  function applyConditions() {
    var answers = collect(true);
    form.querySelectorAll("[data-condition-name]").forEach(function (element) {
      var given = answers[element.dataset.conditionName];
      var wanted = element.dataset.conditionValue;
      var shown = Array.isArray(given) ? given.indexOf(wanted) !== -1 : String(given) === wanted;
      element.hidden = !shown;
    });
    form.querySelectorAll(".condition-text").forEach(function (p) { p.hidden = true; });
  }

  function store(dirty) {
    var submit = dirty && submitQueued();
    try {
      localStorage.setItem(storageKey, JSON.stringify({
        answers: collect(false), version: Number(versionInput.value), dirty: dirty,
        member: member, submit: submit
      }));
    } catch (e) { /* private mode or full storage: autosave still works */ }
    queueOffline(dirty, submit);
  }

  // --- Offline: the queue in IndexedDB (survey-offline.js), what waits, last sync.
  var member = form.dataset.member || "";
  var queue = window.DTOffline || null;

  // Only a page the service worker serves needs the queue, and gets it from its cache:
  // a first visit downloads nothing more.
  function withQueue(then) {
    if (queue || !navigator.serviceWorker || !navigator.serviceWorker.controller) { then(); return; }
    var script = document.createElement("script");
    script.src = form.dataset.queueScript;
    script.onload = function () { queue = window.DTOffline || null; then(); };
    document.head.appendChild(script);
  }
  var panel = document.getElementById("offline-status");
  var queueKey = storageKey + ":" + member;

  function submitQueued() {
    try { return !!(JSON.parse(localStorage.getItem(storageKey) || "{}") || {}).submit; } catch (e) { return false; }
  }

  function clock(time) {
    return new Date(time).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
  }

  function showOffline() {
    if (!panel || !queue) return;
    Promise.all([queue.list(member), queue.synced(member)]).then(function (found) {
      var waiting = found[0].filter(function (entry) { return entry.key === queueKey; })[0];
      panel.hidden = false;
      var mode = panel.querySelector(".offline-status__mode");
      mode.hidden = navigator.onLine;
      mode.textContent = form.dataset.msgOfflineMode;
      var text = waiting ? form.dataset.msgWaiting.replace("%(time)s", clock(waiting.queuedAt)) : form.dataset.msgNothingWaiting;
      if (waiting && waiting.submit) text += " " + form.dataset.msgSubmitWaiting;
      panel.querySelector(".offline-status__queue").textContent = text;
      panel.querySelector(".offline-status__sync").textContent = found[1] ? form.dataset.msgLastSync.replace("%(time)s", clock(found[1])) : "";
    }).catch(function () { panel.hidden = true; });
  }

  function queueOffline(dirty, submit) {
    if (!queue) return;
    var done = dirty ? queue.put({
      key: queueKey, member: member, url: form.dataset.draftUrl, page: location.pathname,
      answers: collect(false), version: Number(versionInput.value), shown: shownQuestions(),
      submit: submit, queuedAt: Date.now()
    }) : queue.remove(queueKey).then(function () { return queue.setSynced(member); });
    done.then(showOffline, function () {});
    if (dirty && navigator.serviceWorker) {
      navigator.serviceWorker.ready.then(function (registration) {
        if (registration.sync) return registration.sync.register("dt-survey-drafts");
      }).catch(function () {});
    }
  }

  // The device keeps what the inputs hold (text: "4"); the server sends typed values
  // (4). Compare them as the inputs would show them, whatever the keys' order.
  function asShown(answers) {
    var shown = {};
    Object.keys(answers || {}).sort().forEach(function (name) {
      var value = answers[name];
      if (value === null || value === undefined || value === "") return;
      if (Array.isArray(value)) {
        if (value.length) shown[name] = value.map(String).sort();
      } else {
        shown[name] = String(value);
      }
    });
    return shown;
  }

  function same(a, b) { return JSON.stringify(asShown(a)) === JSON.stringify(asShown(b)); }

  function fill(answers, skip) {
    questionBoxes().forEach(function (box) {
      if (box.contains(document.activeElement)) return;
      if (skip && skip[box.dataset.question]) return;
      writeAnswer(box, answers[box.dataset.question]);
    });
    applyConditions();
  }

  function errorId(box) { return "id_" + box.dataset.question + "_error"; }

  // An input's descriptions (help, a scale's end words) without its error's.
  function describedWithout(input, id) {
    return (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (token) {
      return token && token !== id;
    }).join(" ");
  }

  // The server's refusals, shown beside each question (as the no-JavaScript form does).
  function showErrors(errors) {
    questionBoxes().forEach(function (box) {
      var messages = errors[box.dataset.question];
      var shown = box.querySelector(".field-error");
      var inputs = box.querySelectorAll("input, textarea, select");
      if (!messages || !messages.length) {
        if (shown) shown.remove();
        box.classList.remove("survey-question--error");
        inputs.forEach(function (input) {
          input.removeAttribute("aria-invalid");
          var rest = describedWithout(input, errorId(box));
          if (rest) input.setAttribute("aria-describedby", rest);
          else input.removeAttribute("aria-describedby");
        });
        return;
      }
      if (!shown) {
        shown = document.createElement("p");
        shown.className = "field-error";
        shown.id = errorId(box);
        var fieldset = box.querySelector("fieldset") || box;
        var heads = fieldset.querySelectorAll(":scope > legend, :scope > .help");
        var after = heads[heads.length - 1];
        fieldset.insertBefore(shown, after ? after.nextSibling : fieldset.firstChild);
      }
      shown.textContent = messages.join(" ");
      box.classList.add("survey-question--error");
      inputs.forEach(function (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", (describedWithout(input, shown.id) + " " + shown.id).trim());
      });
    });
  }

  function hasErrors(errors) { return Object.keys(errors || {}).length > 0; }

  function csrfToken() { return form.querySelector("input[name=csrfmiddlewaretoken]").value; }

  function send() {
    if (!autosave) return;
    if (inFlight) { pending = true; return; }
    inFlight = true;
    say(form.dataset.msgSaving);
    fetch(form.dataset.draftUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ answers: collect(false), version: Number(versionInput.value), shown: shownQuestions() })
    }).then(function (response) {
      if (response.status === 429) {
        // Rate limited: like offline, keep the local copy and try again later.
        var wait = parseInt(response.headers.get("Retry-After"), 10) || 60;
        store(true);
        clearTimeout(timer);
        timer = setTimeout(send, wait * 1000);
        return response.json().catch(function () { return {}; }).then(function (body) {
          say(body.message || form.dataset.msgOffline);
          return null;
        });
      }
      return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
    }).then(function (result) {
      if (!result) return;
      var body = result.body;
      if (result.ok) {
        versionInput.value = body.version;
        var errors = body.errors || {};
        if (body.merged) fill(body.answers, errors);
        var submitting = submitQueued() && !hasErrors(errors) && !body.merged;
        store(false);
        showErrors(errors);
        // A submission asked for offline goes through the form, as online.
        if (submitting) { form.requestSubmit(form.querySelector("button[name=submit]")); return; }
        if (hasErrors(errors)) say(body.message);
        // The server's save time, in the reader's zone (never the device's clock).
        else say(body.saved_message || body.message);
      } else {
        say(body.message || "");
        if (result.status === 409 && body.version) {
          autosave = body.status !== "submitted" && !body.conflicts;
        }
      }
    }).catch(function () {
      store(true);
      say(form.dataset.msgOffline);
    }).then(function () {
      inFlight = false;
      if (pending) { pending = false; send(); }
    });
  }

  function changed() {
    applyConditions();
    store(true);
    clearTimeout(timer);
    timer = setTimeout(send, 1500);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", function () {
    showOffline();
    var saved = JSON.parse(localStorage.getItem(storageKey) || "null");
    if (saved && saved.dirty) send();
  });
  window.addEventListener("offline", showOffline);
  form.addEventListener("submit", function (event) {
    clearTimeout(timer);
    if (navigator.onLine) return;
    // No connection: keep the answers (and the wish to submit) for when it returns.
    event.preventDefault();
    var submitter = event.submitter;
    store(true);
    if (submitter && submitter.name === "submit") {
      try {
        var kept = JSON.parse(localStorage.getItem(storageKey));
        kept.submit = true;
        localStorage.setItem(storageKey, JSON.stringify(kept));
      } catch (e) { /* the draft is still queued */ }
      queueOffline(true, true);
    }
    say(form.dataset.msgOffline);
  });

  // Restore answers typed on this device that the server has not stored yet.
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { saved = null; }
  if (saved && saved.member !== undefined && saved.member !== member) saved = null;  // another member's
  if (saved && saved.dirty && autosave && (!same(saved.answers, serverAnswers) || saved.submit) &&
      !form.querySelector(".field-error")) {
    if (saved.version) versionInput.value = saved.version;
    fill(saved.answers);
    say(form.dataset.msgRestored);
    timer = setTimeout(send, 500);
  } else {
    if (saved && same(saved.answers, serverAnswers)) { try { localStorage.removeItem(storageKey); } catch (e) {} }
    applyConditions();
  }
  withQueue(showOffline);

  // A refused save opens the page at what went wrong (the form's action ends in
  // #survey-errors): focus it (Chromium does too; others only scroll), and let each
  // of its links focus its field with the question's wording in view above it.
  var summary = document.getElementById("survey-errors");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      (field.closest("[data-question]") || field).scrollIntoView({ block: "start" });
      field.focus({ preventScroll: true });
    });
  }
})();
