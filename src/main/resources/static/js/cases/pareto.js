// Pareto and volume charts for the case dashboard. Each chart reads the table that follows it
// (rows with data-name, data-count and, for Pareto charts, data-cumulative), so the numbers stay
// readable without scripts and the page needs no inline code.
(function () {
  "use strict";
  function rows(el) {
    var table = document.getElementById(el.getAttribute("data-table"));
    return table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr")) : [];
  }
  function draw(el) {
    var data = rows(el);
    if (data.length === 0) {
      return;
    }
    var names = data.map(function (r) { return r.dataset.name; });
    var counts = data.map(function (r) { return Number(r.dataset.count); });
    var pareto = el.classList.contains("pareto-chart");
    var series = [{ name: el.getAttribute("data-count-label") || "", type: "bar", data: counts,
      itemStyle: { color: "#0f6e6e" } }];
    var yAxis = [{ type: "value", minInterval: 1 }];
    if (pareto) {
      var cumulative = data.map(function (r) { return Math.round(Number(r.dataset.cumulative) * 1000) / 10; });
      yAxis.push({ type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } });
      series.push({ name: el.getAttribute("data-cumulative-label") || "", type: "line", yAxisIndex: 1,
        data: cumulative, symbolSize: 6, itemStyle: { color: "#c2410c" },
        markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#888" },
          data: [{ yAxis: 80 }] } });
    }
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 40, right: pareto ? 48 : 16, top: 24, bottom: 60 },
      tooltip: { trigger: "axis" },
      legend: { show: pareto, top: 0 },
      xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
      yAxis: yAxis,
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof echarts === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll(".pareto-chart, .volume-chart"), draw);
  });
})();
