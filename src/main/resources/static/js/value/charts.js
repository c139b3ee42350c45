// Charts of the value pages. Data comes from data-chart attributes (JSON written by the server),
// because the content security policy forbids inline scripts.
(function () {
  "use strict";

  function backtest(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
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

  function holdout(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
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

  function draw() {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.drawn || typeof echarts === "undefined") {
        return;
      }
      var data = JSON.parse(el.dataset.chart);
      var chart = data.type === "backtest" ? backtest(el, data) : holdout(el, data);
      el.dataset.drawn = "true";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
