// Charts of the satisfaction pages. Data comes from data-chart attributes (JSON written by the
// server), because the content security policy forbids inline scripts.
(function () {
  "use strict";

  var QUADRANT_COLOURS = {
    KEEP_UP_THE_GOOD_WORK: "#198754",
    CONCENTRATE_HERE: "#dc3545",
    LOW_PRIORITY: "#6c757d",
    POSSIBLE_OVERKILL: "#fd7e14"
  };

  function fmt(value, digits) {
    return value === null || value === undefined ? "—" : Number(value).toFixed(digits);
  }

  function pathDiagram(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {
        formatter: function (p) {
          if (p.dataType === "edge") {
            return p.data.source + " → " + p.data.target + ": " + fmt(p.data.value, 3) +
              (p.data.significant === false ? " (" + data.texts.notSignificant + ")" : "");
          }
          return p.data.label + "<br>" + data.texts.index + " " + fmt(p.data.index, 1) +
            (p.data.r2 !== null && p.data.r2 !== undefined ? "<br>R² " + fmt(p.data.r2, 3) : "");
        }
      },
      series: [{
        type: "graph",
        layout: "none",
        roam: true,
        symbol: "roundRect",
        symbolSize: [118, 52],
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 10,
        label: {
          show: true,
          formatter: function (p) {
            var r2 = p.data.r2 !== null && p.data.r2 !== undefined ? "\nR² " + fmt(p.data.r2, 2) : "";
            return p.data.label + r2;
          }
        },
        edgeLabel: {
          show: true,
          formatter: function (p) { return fmt(p.data.value, 2); },
          fontSize: 11
        },
        itemStyle: { color: "#e7f1ff", borderColor: "#0d6efd", borderWidth: 1 },
        lineStyle: { color: "#6c757d", curveness: 0.08 },
        data: data.nodes.map(function (n) {
          return { name: n.id, label: n.label, x: n.x, y: n.y, r2: n.r2, index: n.index };
        }),
        links: data.links.map(function (l) {
          return {
            source: l.source, target: l.target, value: l.value, significant: l.significant,
            lineStyle: {
              width: 1 + Math.min(6, Math.abs(l.value) * 8),
              type: l.significant === false ? "dashed" : "solid"
            }
          };
        })
      }]
    });
    return chart;
  }

  function ipaChart(el, data) {
    var chart = echarts.init(el);
    var t = data.texts;
    chart.setOption({
      grid: { left: 56, right: 130, top: 24, bottom: 48 },
      labelLayout: { moveOverlap: "shiftY" },
      tooltip: {
        formatter: function (p) {
          if (p.seriesType === "custom") {
            return p.data.label + "<br>" + t.interval + " " + fmt(p.data.value[1], 1) + "–" +
              fmt(p.data.value[2], 1);
          }
          return p.data.label + "<br>" + t.importance + " " + fmt(p.data.value[0], 3) + "<br>" +
            t.performance + " " + fmt(p.data.value[1], 1) +
            (p.data.low !== null && p.data.low !== undefined
              ? " (" + t.interval + " " + fmt(p.data.low, 1) + "–" + fmt(p.data.high, 1) + ")" : "") +
            "<br>" + (t[p.data.quadrant] || "");
        }
      },
      xAxis: { name: t.importance, nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { name: t.performance, nameLocation: "middle", nameGap: 40, scale: true },
      series: [{
        type: "scatter",
        symbolSize: 14,
        label: { show: true, position: "right", formatter: function (p) { return p.data.label; } },
        data: data.points.map(function (p) {
          return {
            value: [p.importance, p.performance], label: p.label, quadrant: p.quadrant,
            low: p.low, high: p.high,
            itemStyle: { color: QUADRANT_COLOURS[p.quadrant] || "#0d6efd" }
          };
        }),
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { type: "dashed", color: "#adb5bd" },
          label: { show: false },
          data: [{ xAxis: data.meanImportance }, { yAxis: data.meanPerformance }]
        },
        markArea: {
          silent: true,
          itemStyle: { color: "transparent" },
          label: { color: "#6c757d", fontSize: 11 },
          data: [
            [{ name: t.CONCENTRATE_HERE, coord: [data.meanImportance, "min"], label: { position: "insideBottomRight" } },
              { coord: ["max", data.meanPerformance] }],
            [{ name: t.KEEP_UP_THE_GOOD_WORK, coord: [data.meanImportance, data.meanPerformance], label: { position: "insideTopRight" } },
              { coord: ["max", "max"] }],
            [{ name: t.LOW_PRIORITY, coord: ["min", "min"], label: { position: "insideBottomLeft" } },
              { coord: [data.meanImportance, data.meanPerformance] }],
            [{ name: t.POSSIBLE_OVERKILL, coord: ["min", data.meanPerformance], label: { position: "insideTopLeft" } },
              { coord: [data.meanImportance, "max"] }]
          ]
        }
      }, {
        // 95% bootstrap interval of each driver's index, drawn as a whisker through its point
        type: "custom",
        renderItem: whisker,
        encode: { x: 0, y: [1, 2] },
        z: 1,
        data: data.points.filter(function (p) {
          return p.low !== null && p.low !== undefined && p.high !== null && p.high !== undefined;
        }).map(function (p) {
          return { value: [p.importance, p.low, p.high], label: p.label };
        })
      }]
    });
    return chart;
  }

  function whisker(params, api) {
    var top = api.coord([api.value(0), api.value(2)]);
    var bottom = api.coord([api.value(0), api.value(1)]);
    var style = { stroke: "#6c757d", lineWidth: 1 };
    return {
      type: "group",
      children: [
        { type: "line", shape: { x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1] }, style: style },
        { type: "line", shape: { x1: top[0] - 4, y1: top[1], x2: top[0] + 4, y2: top[1] }, style: style },
        { type: "line", shape: { x1: bottom[0] - 4, y1: bottom[1], x2: bottom[0] + 4, y2: bottom[1] }, style: style }
      ]
    };
  }

  // Better-Worse diagram: |Worse| across, Better up, split at 0.5 into the usual four regions.
  function kanoChart(el, data) {
    var chart = echarts.init(el);
    var t = data.texts;
    chart.setOption({
      grid: { left: 56, right: 90, top: 24, bottom: 48 },
      tooltip: {
        formatter: function (p) {
          return p.data.label + "<br>" + t.better + " " + fmt(p.data.value[1], 2) + "<br>" +
            t.worse + " " + fmt(-p.data.value[0], 2);
        }
      },
      xAxis: { name: "|" + t.worse + "|", nameLocation: "middle", nameGap: 28, min: 0, max: 1 },
      yAxis: { name: t.better, nameLocation: "middle", nameGap: 40, min: 0, max: 1 },
      series: [{
        type: "scatter",
        symbolSize: 14,
        label: { show: true, position: "right", formatter: function (p) { return p.data.label; } },
        data: data.points.map(function (p) {
          return { value: [Math.abs(p.worse), p.better], label: p.label };
        }),
        markLine: {
          silent: true, symbol: "none", label: { show: false },
          lineStyle: { type: "dashed", color: "#adb5bd" },
          data: [{ xAxis: 0.5 }, { yAxis: 0.5 }]
        }
      }]
    });
    return chart;
  }

  var DRAW = { paths: pathDiagram, ipa: ipaChart, kano: kanoChart };

  function init() {
    if (typeof echarts === "undefined") {
      return;
    }
    var charts = [];
    document.querySelectorAll("[data-satisfaction-chart]").forEach(function (el) {
      var draw = DRAW[el.getAttribute("data-satisfaction-chart")];
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
