/* Charts: the table and static image come first; the interactive plotly chart
   (self-hosted basic bundle, ~330 kB compressed) loads only when the reader asks for
   it. The choice is remembered on this device: once asked for, later charts load by
   themselves, unless the browser or the server asked to save data. */
(function () {
  "use strict";
  var charts = document.querySelectorAll("figure.chart[data-figure-url]");
  if (!charts.length) return;
  var plotlyLoading = null;
  var REMEMBER = "dt-interactive-charts";

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

  // Non-English pages: plotly's own locale file (modebar tooltips, number and date
  // formats), loaded beside plotly; without it the chart still opens, in English.
  var localeLoading = {};
  function loadLocale(name, src) {
    if (!name || !src) return Promise.resolve(null);
    var known = window.PlotlyLocales && window.PlotlyLocales[name];
    if (known) return Promise.resolve(known);
    if (!localeLoading[name]) {
      localeLoading[name] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () {
          resolve((window.PlotlyLocales && window.PlotlyLocales[name]) || null);
        };
        script.onerror = function () { delete localeLoading[name]; resolve(null); };
        document.head.appendChild(script);
      });
    }
    return localeLoading[name];
  }

  function show(chart, asked) {
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
      }),
      loadLocale(chart.dataset.plotlyLocale, chart.dataset.plotlyLocaleSrc)
    ]).then(function (results) {
      var figure = results[1];
      var layout = figure.layout || {};
      delete layout.width;
      target.hidden = false;
      // No "Share chart..." button: it uploads the chart's data to Plotly's Chart
      // Studio, not a place for a district's results (and its tooltip is English).
      var config = {
        responsive: true,
        displaylogo: false,
        showSendToCloud: false,
        showEditInChartStudio: false,
        modeBarButtonsToRemove: ["sendChartToCloud", "editInChartStudio"]
      };
      if (results[2]) {
        config.locale = chart.dataset.plotlyLocale;
        config.locales = {};
        config.locales[config.locale] = results[2];
      }
      return results[0].newPlot(target, figure.data, layout, config);
    }).then(function () {
      chart.dataset.loaded = "yes";
      var image = chart.querySelector(".chart__image");
      if (image) image.hidden = true;
      if (button) {
        // The button goes away: keep the reader's place on the chart it opened.
        if (asked) {
          target.setAttribute("tabindex", "-1");
          target.focus();
        }
        button.hidden = true;
      }
    }).catch(function () {
      delete chart.dataset.loaded;
      if (button) button.disabled = false;
    });
  }

  function remembered() {
    try { return window.localStorage.getItem(REMEMBER) === "yes"; }
    catch (error) { return false; }
  }

  function remember() {
    try { window.localStorage.setItem(REMEMBER, "yes"); } catch (error) { /* private mode */ }
  }

  var connection = navigator.connection;
  var auto = remembered() && !(connection && connection.saveData);
  charts.forEach(function (chart) {
    var button = chart.querySelector(".chart__show");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { remember(); show(chart, true); });
    }
    if (auto && chart.dataset.autoload === "true") show(chart, false);
  });
})();
