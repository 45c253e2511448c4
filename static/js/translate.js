/* "Translate" (issue 18): without JavaScript the form opens a page with the
   translation; with it, the same POST answers JSON and the translation appears in
   place, under the original, with a link back to the original alone. */
(function () {
  "use strict";
  function show(form, html, message) {
    var block = document.createElement("div");
    if (html) {
      block.innerHTML = html; /* rendered and cleaned by the server (nh3) */
    } else {
      block.className = "notice notice--error";
      block.setAttribute("role", "status");
      block.textContent = message;
    }
    form.hidden = true;
    form.insertAdjacentElement("afterend", block);
    var back = block.querySelector("[data-show-original]");
    if (back) {
      back.addEventListener("click", function (event) {
        event.preventDefault();
        block.remove();
        form.hidden = false;
        form.querySelector("button").focus();
      });
    }
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-translate]") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.json(); })
      .then(function (data) { show(form, data.html, data.message); })
      .catch(function () { form.submit(); })
      .finally(function () { button.disabled = false; });
  });
})();
