/* Search filters (issue 16): folded above the results on a phone, so the first
   result is on the first screen; opened beside the results on a wide screen. Without
   JavaScript they stay folded: one tap on "Filter" opens them. */
(function () {
  "use strict";
  var filters = document.getElementById("search-filters");
  if (!filters || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: " + filters.dataset.openFrom + ")");
  if (wide.matches) filters.open = true;
})();
