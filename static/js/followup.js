/* District.Team follow-up: the team's commitments and check-ins kept on this device and
   autosaved while a member types (autosave.js), with the form's version and merge
   rules: a teammate's change to the same field is a 409 that keeps both texts. The
   form works without this file (plain POST); this only adds comfort. */
(function () {
  "use strict";
  var form = document.getElementById("followup-form");
  var A = window.DTAutosave;
  if (!form || !A) return;
  var statusBox = document.getElementById("followup-status");
  var versionInput = form.querySelector("input[name=version]");
  var copy = A.deviceCopy(form.dataset.storageKey, form.dataset.member);
  // A form sent back by the server (refused or in conflict) is saved with its button.
  var autosave = !form.querySelector(".field-error") && !document.querySelector(".notice[role=alert]");
  var base = null;  // after a conflict: the version the device's text was typed from
  var typed = false;  // changed since the last autosave was sent

  function say(text) { statusBox.textContent = text || ""; }

  function inputs() {
    return Array.prototype.filter.call(form.elements, function (input) {
      return input.name && input.name !== "csrfmiddlewaretoken" && input.name !== "version" &&
        input.type !== "submit";
    });
  }

  function collect() {
    var fields = {};
    inputs().forEach(function (input) { fields[input.name] = input.value; });
    return fields;
  }

  function offers(input, value) {
    return input.tagName !== "SELECT" || Array.prototype.some.call(input.options, function (option) {
      return option.value === value;
    });
  }

  function fill(fields, skip) {
    inputs().forEach(function (input) {
      var value = fields[input.name] === undefined ? "" : String(fields[input.name]);
      if (input === document.activeElement || (skip && skip[input.name])) return;
      if (offers(input, value)) input.value = value;
    });
  }

  function store(dirty) {
    var version = base === null ? Number(versionInput.value) : base;
    copy.write({ fields: collect(), version: version, dirty: dirty });
  }

  // A note under a field (the server's refusal, a teammate's text), or none.
  function note(input, kind, text) {
    var id = input.id + "_" + kind;
    var shown = document.getElementById(id);
    if (!text) { if (shown) shown.remove(); return; }
    if (!shown) {
      shown = document.createElement("span");
      shown.id = id;
      shown.className = kind === "error" ? "field-error" : "field-theirs";
      input.insertAdjacentElement("afterend", shown);
      var described = (input.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(id) === -1) input.setAttribute("aria-describedby", described.concat(id).join(" ").trim());
    }
    shown.textContent = text;
  }

  function showErrors(errors) {
    inputs().forEach(function (input) {
      var messages = errors[input.name];
      note(input, "error", messages && messages.join(" "));
      if (messages) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function showTheirs(theirs) {
    inputs().forEach(function (input) {
      if (input.name in theirs) note(input, "theirs", form.dataset.msgTheirs + " " + (theirs[input.name] || "—"));
    });
  }

  var saving = A.saver({
    form: form,
    enabled: function () { return autosave; },
    body: function () {
      typed = false;
      return { fields: collect(), version: Number(versionInput.value), shown: Object.keys(collect()) };
    },
    say: say,
    store: store,
    onSaved: function (body, errors) {
      if (body.merged) fill(body.fields, errors);
      store(typed || Object.keys(errors).length > 0);
      showErrors(errors);
      say(body.message);
    },
    onRefused: function (result) {
      say(result.body.message);
      if (result.status !== 409 || !result.body.conflicts) return;
      // Both texts stay: ours in the fields (and on the device, with the version it
      // was typed from), theirs beside them; the button saves ours over theirs.
      autosave = false;
      base = result.sent.version;
      versionInput.value = result.body.version;
      store(true);
      showTheirs(result.body.theirs || {});
    }
  });

  function changed() {
    typed = true;
    store(true);
    saving.later(1500);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", function () {
    var saved = copy.read();
    if (saved && saved.dirty) saving.send();
  });
  form.addEventListener("submit", function (event) {
    saving.cancel();
    store(true);
    if (navigator.onLine) return;
    event.preventDefault();  // no connection: the text waits on the device
    say(form.dataset.msgOffline);
  });

  // Text typed on this device that the server does not hold yet comes back.
  var shownByServer = collect();
  var saved = copy.read();
  if (saved && saved.dirty && autosave && !A.same(saved.fields, shownByServer)) {
    if (saved.version !== undefined) versionInput.value = saved.version;
    fill(saved.fields);
    say(form.dataset.msgRestored + (navigator.onLine ? "" : " " + form.dataset.msgOffline));
    if (navigator.onLine) saving.later(500);
  } else if (saved && autosave) {
    copy.remove();
  }
})();
