// Trend charts with their 95% interval drawn as a band. Each chart reads the table that follows it
// (rows with data-period, data-value, data-low, data-high), so the numbers stay readable without
// scripts and the chart needs no inline code.
(function () {
  "use strict";
  function draw(el) {
    var table = document.getElementById(el.getAttribute("data-table"));
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var periods = rows.map(function (r) { return r.dataset.period; });
    var value = rows.map(function (r) { return Number(r.dataset.value); });
    var low = rows.map(function (r) { return Number(r.dataset.low); });
    var width = rows.map(function (r) { return Number(r.dataset.high) - Number(r.dataset.low); });
    var chart = echarts.init(el);
    chart.setOption({
      color: ["#0f6e6e"],
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", min: Number(el.getAttribute("data-min")), max: Number(el.getAttribute("data-max")) },
      series: [
        { type: "line", data: low, stack: "ci", lineStyle: { opacity: 0 }, symbol: "none", tooltip: { show: false } },
        { type: "line", data: width, stack: "ci", lineStyle: { opacity: 0 }, symbol: "none",
          areaStyle: { color: "rgba(15,110,110,0.15)" }, tooltip: { show: false } },
        { name: el.getAttribute("data-name") || "", type: "line", data: value, symbolSize: 6 }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof echarts === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll(".trend-chart"), draw);
  });
})();
