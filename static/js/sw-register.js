/* Installs the service worker (templates/offline/sw.js); tiny and deferred. */
(function (w) {
  var sw = w.navigator.serviceWorker, lang = document.documentElement.lang;
  if (!sw) return;
  sw.register("/sw.js", { scope: "/" }).catch(function () {});
  sw.ready.then(function (r) { r.active && r.active.postMessage({ type: "refresh", lang: lang }); });
  document.addEventListener("submit", function (e) {
    if (/\/logout\/$/.test(e.target.action) && sw.controller) sw.controller.postMessage({ type: "logout" });
  });
})(window);
