// Charts of the customer value pages. Data comes from data-chart attributes (JSON written by the
// server), because the content security policy forbids inline scripts.
(function () {
  "use strict";

  // Bars of reason counts, most frequent first, with the cumulative share as a line and the 80%
  // mark, so the vital few reasons stand out.
  function pareto(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 48, top: 24, bottom: 64 },
      xAxis: { type: "category", data: data.names, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: [
        { type: "value", name: el.getAttribute("data-count-label"), minInterval: 1 },
        { type: "value", max: 100, axisLabel: { formatter: "{value}%" } }
      ],
      series: [
        { type: "bar", name: el.getAttribute("data-count-label"), data: data.counts, itemStyle: { color: "#0d6efd" } },
        {
          type: "line", name: el.getAttribute("data-cumulative-label"), yAxisIndex: 1, data: data.cumulative,
          itemStyle: { color: "#dc3545" },
          markLine: { silent: true, symbol: "none", data: [{ yAxis: 80 }], lineStyle: { type: "dashed" } }
        }
      ]
    });
    return chart;
  }

  function silhouette(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 12, top: 12, bottom: 28 },
      xAxis: { type: "category", data: data.k },
      yAxis: { type: "value" },
      series: [{
        type: "bar",
        data: data.silhouette.map(function (v, i) {
          return { value: Math.round(v * 1000) / 1000, itemStyle: { color: data.k[i] === data.chosen ? "#0d6efd" : "#adb5bd" } };
        })
      }]
    });
    return chart;
  }

  // AUC per signal, the proposed default in green.
  function backtest(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 40, top: 10, bottom: 24, containLabel: true },
      xAxis: { type: "value", min: 0.5, max: 1, name: data.texts.auc },
      yAxis: {
        type: "category",
        axisLabel: { width: 220, overflow: "truncate" },
        data: data.signals.map(function (s) { return s.label; })
      },
      series: [{
        type: "bar",
        label: { show: true, position: "right", formatter: function (p) { return p.value.toFixed(3); } },
        data: data.signals.map(function (s) {
          return { value: s.auc, itemStyle: { color: s.proposed ? "#198754" : "#6c8ebf" } };
        })
      }]
    });
    return chart;
  }

  // Mean repeat purchases in the holdout period per calibration frequency: actual and predicted.
  function holdout(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { data: [data.texts.actual, data.texts.predicted] },
      grid: { left: 8, right: 8, top: 30, bottom: 24, containLabel: true },
      xAxis: { type: "category", name: data.texts.frequency,
        data: data.rows.map(function (r) { return r.label; }) },
      yAxis: { type: "value" },
      series: [
        { name: data.texts.actual, type: "bar", data: data.rows.map(function (r) { return r.meanActual; }) },
        { name: data.texts.predicted, type: "line",
          data: data.rows.map(function (r) { return Number(r.meanPredicted.toFixed(3)); }) }
      ]
    });
    return chart;
  }

  var DRAW = { pareto: pareto, silhouette: silhouette, backtest: backtest, holdout: holdout };

  function init() {
    if (typeof echarts === "undefined") {
      return;
    }
    var charts = [];
    document.querySelectorAll("[data-value-chart]").forEach(function (el) {
      var draw = DRAW[el.getAttribute("data-value-chart")];
      if (draw) {
        charts.push(draw(el, JSON.parse(el.getAttribute("data-chart"))));
      }
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
