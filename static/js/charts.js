/* Charts: the table and static image come first; the interactive plotly chart
   (self-hosted basic bundle) loads only when asked for, or by itself on a good
   connection when neither the browser nor the server asked to save data. */
(function () {
  "use strict";
  var charts = document.querySelectorAll("figure.chart[data-figure-url]");
  if (!charts.length) return;
  var plotlyLoading = null;

  function loadPlotly(src) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { plotlyLoading = null; reject(new Error("plotly")); };
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }

  function show(chart) {
    var button = chart.querySelector(".chart__show");
    var target = chart.querySelector(".chart__interactive");
    if (!target || chart.dataset.loaded) return;
    chart.dataset.loaded = "loading";
    if (button) button.disabled = true;
    Promise.all([
      loadPlotly(chart.dataset.plotlySrc),
      fetch(chart.dataset.figureUrl, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("figure");
        return r.json();
      })
    ]).then(function (results) {
      var figure = results[1];
      var layout = figure.layout || {};
      delete layout.width;
      target.hidden = false;
      return results[0].newPlot(target, figure.data, layout, {
        responsive: true, displaylogo: false
      });
    }).then(function () {
      chart.dataset.loaded = "yes";
      var image = chart.querySelector(".chart__image");
      if (image) image.hidden = true;
      if (button) button.hidden = true;
    }).catch(function () {
      delete chart.dataset.loaded;
      if (button) button.disabled = false;
    });
  }

  function goodConnection() {
    var connection = navigator.connection;
    if (!connection || connection.saveData) return false;
    return connection.effectiveType === "4g";
  }

  var auto = goodConnection();
  charts.forEach(function (chart) {
    var button = chart.querySelector(".chart__show");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { show(chart); });
    }
    if (auto && chart.dataset.autoload === "true") show(chart);
  });
})();
