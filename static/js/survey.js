/* District.Team survey: conditions, debounced autosave of drafts, offline backup (the
   device's copy and the autosave loop are autosave.js's, shared with followup.js).
   The form works without this file (plain POST); this only adds comfort. */
(function () {
  "use strict";
  var form = document.getElementById("survey-form");
  var A = window.DTAutosave;
  if (!form || !A) return;
  var statusBox = document.getElementById("survey-status");
  var versionInput = form.querySelector("input[name=version]");
  var storageKey = form.dataset.storageKey;
  var serverAnswers = JSON.parse(document.getElementById("survey-answers").textContent || "{}");
  var autosave = form.dataset.status !== "submitted";

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

  // --- Offline: the device's copy, the queue in IndexedDB (survey-offline.js), what
  // waits, last sync.
  var member = form.dataset.member || "";
  var copy = A.deviceCopy(storageKey, member);

  function store(dirty) {
    var submit = dirty && submitQueued();
    copy.write({ answers: collect(false), version: Number(versionInput.value), dirty: dirty, submit: submit });
    queueOffline(dirty, submit);
  }

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

  function submitQueued() { return !!(copy.read() || {}).submit; }

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

  var saving = A.saver({
    form: form,
    enabled: function () { return autosave; },
    body: function () {
      return { answers: collect(false), version: Number(versionInput.value), shown: shownQuestions() };
    },
    say: say,
    store: store,
    onSaved: function (body, errors) {
      if (body.merged) fill(body.answers, errors);
      var submitting = submitQueued() && !hasErrors(errors) && !body.merged;
      store(false);
      showErrors(errors);
      // A submission asked for offline goes through the form, as online.
      if (submitting) { form.requestSubmit(form.querySelector("button[name=submit]")); return; }
      // The server's save time, in the reader's zone (never the device's clock).
      say(hasErrors(errors) ? body.message : body.saved_message || body.message);
    },
    onRefused: function (result) {
      say(result.body.message || "");
      if (result.status === 409 && result.body.version) {
        autosave = result.body.status !== "submitted" && !result.body.conflicts;
      }
    }
  });

  function changed() {
    applyConditions();
    store(true);
    saving.later(1500);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", function () {
    showOffline();
    var saved = copy.read();
    if (saved && saved.dirty) saving.send();
  });
  window.addEventListener("offline", showOffline);
  form.addEventListener("submit", function (event) {
    saving.cancel();
    if (navigator.onLine) return;
    // No connection: keep the answers (and the wish to submit) for when it returns.
    event.preventDefault();
    var submitter = event.submitter;
    store(true);
    if (submitter && submitter.name === "submit") {
      var kept = copy.read();
      if (kept) { kept.submit = true; copy.write(kept); }
      queueOffline(true, true);
    }
    say(form.dataset.msgOffline);
  });

  // Restore answers typed on this device that the server has not stored yet.
  var saved = copy.read();  // never another member's
  if (saved && saved.dirty && autosave && (!A.same(saved.answers, serverAnswers) || saved.submit) &&
      !form.querySelector(".field-error")) {
    if (saved.version) versionInput.value = saved.version;
    fill(saved.answers);
    say(form.dataset.msgRestored);
    saving.later(500);
  } else {
    if (saved && A.same(saved.answers, serverAnswers)) copy.remove();
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
