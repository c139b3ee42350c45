// NPS over time with its 95% interval drawn as a band, read from the table under the chart.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("npsTrendChart");
    if (!el || typeof echarts === "undefined") {
      return;
    }
    var rows = Array.prototype.slice.call(document.querySelectorAll("#npsTrendTable tbody tr"));
    var periods = rows.map(function (r) { return r.dataset.period; });
    var nps = rows.map(function (r) { return Number(r.dataset.nps); });
    var low = rows.map(function (r) { return Number(r.dataset.low); });
    var width = rows.map(function (r) { return Number(r.dataset.high) - Number(r.dataset.low); });
    var chart = echarts.init(el);
    chart.setOption({
      color: ["#0f6e6e"],
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", min: -100, max: 100 },
      series: [
        { type: "line", data: low, stack: "ci", lineStyle: { opacity: 0 }, symbol: "none", tooltip: { show: false } },
        { type: "line", data: width, stack: "ci", lineStyle: { opacity: 0 }, symbol: "none",
          areaStyle: { color: "rgba(15,110,110,0.15)" }, tooltip: { show: false } },
        { name: "NPS", type: "line", data: nps, symbolSize: 6 }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
