/* Search suggestions: titles from /<lang>/search/autocomplete/ fill a <datalist>.
   No inline code (CSP), no library; the form works without it. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autocomplete-url]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var lastQuery = "";
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var query = input.value.trim().slice(0, 200);
      if (query.length < 2 || query === lastQuery) { return; }
      lastQuery = query;
      fetch(form.dataset.autocompleteUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" }, credentials: "same-origin"
      }).then(function (response) {
        return response.ok ? response.json() : { results: [] };
      }).then(function (data) {
        list.textContent = "";
        data.results.forEach(function (result) {
          var option = document.createElement("option");
          option.value = result.title;
          list.appendChild(option);
        });
      }).catch(function () { /* suggestions are optional */ });
    }, 200);
  });
}());
