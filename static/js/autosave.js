/* District.Team: what the survey (survey.js) and the follow-up form (followup.js) share
   so that nothing typed is lost: the device's copy of unsaved text (localStorage, one
   per member: another member's copy is never read; logout empties the storage) and a
   debounced autosave to a JSON draft path. No connection, a server error or a 429
   keeps the copy unsent; a 429 retries after Retry-After. */
(function (w) {
  "use strict";
  if (w.DTAutosave) return;

  function deviceCopy(key, member) {
    return {
      read: function () {
        var saved = null;
        try { saved = JSON.parse(w.localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
        if (saved && saved.member !== undefined && saved.member !== member) return null;
        return saved;
      },
      write: function (entry) {
        entry.member = member;
        try { w.localStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* private mode or full storage */ }
      },
      remove: function () {
        try { w.localStorage.removeItem(key); } catch (e) { /* private mode */ }
      }
    };
  }

  // The device keeps what the inputs hold (text: "4"); the server sends typed values
  // (4). Compare them as the inputs would show them, whatever the keys' order.
  function asShown(values) {
    var shown = {};
    Object.keys(values || {}).sort().forEach(function (name) {
      var value = values[name];
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

  function csrf(form) { return form.querySelector("input[name=csrfmiddlewaretoken]").value; }

  // One save at a time; a change while one is in flight is sent after it. options:
  // form (its data-draft-url, data-msg-saving, data-msg-offline and version input),
  // body() (the JSON to send), enabled(), say(text), store(dirty) (the device's copy),
  // onSaved(body, errors) after the form's version is updated, and
  // onRefused({status, body, sent}).
  function saver(options) {
    var timer = null, inFlight = false, pending = false;
    var form = options.form, version = form.querySelector("input[name=version]");
    // No connection, a server error, or rate limited: the copy stays, marked unsent.
    function offline(message) { options.store(true); options.say(message || form.dataset.msgOffline); }
    function later(ms) { clearTimeout(timer); timer = setTimeout(send, ms); }
    function send() {
      if (options.enabled && !options.enabled()) return;
      if (inFlight) { pending = true; return; }
      inFlight = true;
      var sent = options.body();
      options.say(form.dataset.msgSaving);
      w.fetch(form.dataset.draftUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(form) },
        body: JSON.stringify(sent)
      }).then(function (response) {
        if (response.status === 429) {
          later((parseInt(response.headers.get("Retry-After"), 10) || 60) * 1000);
          return response.json().catch(function () { return {}; }).then(function (body) {
            offline(body.message);
            return null;
          });
        }
        return response.json().then(function (body) {
          return { ok: response.ok, status: response.status, body: body, sent: sent };
        });
      }).then(function (result) {
        if (!result) return;
        if (!result.ok) { options.onRefused(result); return; }
        version.value = result.body.version;
        options.onSaved(result.body, result.body.errors || {});
      }).catch(function () {
        offline();
      }).then(function () {
        inFlight = false;
        if (pending) { pending = false; send(); }
      });
    }
    return { send: send, later: later, cancel: function () { clearTimeout(timer); } };
  }

  w.DTAutosave = { deviceCopy: deviceCopy, same: same, saver: saver };
})(window);
