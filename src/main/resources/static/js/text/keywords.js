// The keywords chart: drawn from the keywords table (the content security policy forbids inline
// scripts), again after htmx replaces the result.
(function () {
  "use strict";

  function draw() {
    var el = document.getElementById("keywordChart");
    var table = document.getElementById("keywordTable");
    if (!el || !table || typeof echarts === "undefined") {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr")).reverse();
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    chart.setOption({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: rows.map(function (r) { return r.getAttribute("data-term"); }) },
      series: [{
        type: "bar",
        name: el.getAttribute("data-name"),
        itemStyle: { color: "#b5473a" },
        data: rows.map(function (r) { return Number(r.getAttribute("data-weight")); })
      }]
    }, true);
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSwap", draw);
  window.addEventListener("resize", function () {
    var el = document.getElementById("keywordChart");
    if (el && typeof echarts !== "undefined" && echarts.getInstanceByDom(el)) {
      echarts.getInstanceByDom(el).resize();
    }
  });
})();
