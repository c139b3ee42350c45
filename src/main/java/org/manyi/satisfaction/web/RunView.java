package org.manyi.satisfaction.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.JobView;
import org.manyi.platform.Jobs;
import org.manyi.pls.Reliability;
import org.manyi.satisfaction.internal.ConstructSpec;
import org.manyi.satisfaction.internal.DriverAnalysis;
import org.manyi.satisfaction.internal.EstimateResult;
import org.manyi.satisfaction.internal.ModelRun;
import org.manyi.satisfaction.internal.Quadrant;
import org.manyi.satisfaction.internal.RunPdf;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What the run page shows: tables, warnings and the chart data its script draws. */
@Component
class RunView {

  /** Below this many cases PLS estimates are unstable; the page says so. */
  static final int SMALL_SAMPLE = RunPdf.SMALL_SAMPLE;

  static final double MIN_ALPHA = RunPdf.MIN_ALPHA;
  static final double MIN_AVE = RunPdf.MIN_AVE;

  /** A construct's measurement quality with the warnings it deserves. */
  record ReliabilityRow(
      String construct,
      String label,
      @Nullable Double alpha,
      @Nullable Double rho,
      @Nullable Double ave,
      @Nullable Double rSquared,
      @Nullable Double index,
      EstimateResult.@Nullable Interval indexInterval,
      boolean lowAlpha,
      boolean lowAve) {}

  /** One item of the outer model. */
  record OuterRow(
      String construct,
      String item,
      @Nullable Double weight,
      @Nullable Double loading,
      EstimateResult.@Nullable Interval loadingInterval) {}

  /** Everything the result part of the run page needs. */
  record View(
      EstimateResult result,
      List<DriverAnalysis.Driver> drivers,
      List<DriverAnalysis.ItemDriver> itemDrivers,
      List<ReliabilityRow> reliability,
      List<OuterRow> outer,
      boolean smallSample,
      boolean reliabilityWarnings,
      String diagramJson,
      String ipaJson) {}

  private final JsonMapper json;
  private final MessageSource messages;
  private final Jobs jobs;

  RunView(JsonMapper json, MessageSource messages, Jobs jobs) {
    this.json = json;
    this.messages = messages;
    this.jobs = jobs;
  }

  @Nullable JobView job(UUID id) {
    return jobs.find(id).orElse(null);
  }

  View of(ModelRun run, Map<String, String> labels, Locale locale) {
    EstimateResult r = java.util.Objects.requireNonNull(run.result());
    String target = run.spec().target();
    List<DriverAnalysis.Driver> drivers =
        target == null ? List.of() : DriverAnalysis.drivers(r, target);
    List<ReliabilityRow> reliability = new ArrayList<>();
    List<OuterRow> outer = new ArrayList<>();
    boolean warnings = false;
    for (ConstructSpec c : run.spec().constructs()) {
      Reliability rel = r.reliability().get(c.name());
      Double alpha = rel == null ? null : rel.cronbachAlpha();
      Double ave = rel == null ? null : rel.ave();
      boolean lowAlpha = alpha != null && alpha < MIN_ALPHA;
      boolean lowAve = ave != null && ave < MIN_AVE;
      warnings |= lowAlpha || lowAve;
      reliability.add(
          new ReliabilityRow(
              c.name(),
              labels.getOrDefault(c.name(), c.name()),
              alpha,
              rel == null ? null : rel.dillonGoldsteinRho(),
              ave,
              r.rSquared().get(c.name()),
              r.index().get(c.name()),
              r.indexInterval(c.name()),
              lowAlpha,
              lowAve));
      for (String item : c.items()) {
        outer.add(
            new OuterRow(
                c.name(),
                item,
                r.outerWeights().get(item),
                r.loadings().get(item),
                r.bootstrap() == null ? null : r.bootstrap().loadings().get(item)));
      }
    }
    return new View(
        r,
        drivers,
        target == null ? List.of() : DriverAnalysis.items(r, run.spec(), target),
        reliability,
        outer,
        r.n() < SMALL_SAMPLE,
        warnings,
        json.writeValueAsString(diagram(run, r, labels, locale)),
        json.writeValueAsString(ipa(r, drivers, labels, locale)));
  }

  /**
   * Where the national-index constructs sit in the customary ECSI drawing: drivers on the left,
   * satisfaction in the middle, outcomes on the right.
   */
  private static final Map<String, double[]> CUSTOMARY =
      Map.of(
          "IMAG", new double[] {230, 0},
          "CUEX", new double[] {0, 150},
          "PERQ", new double[] {0, 360},
          "PERV", new double[] {230, 360},
          "CUSA", new double[] {460, 180},
          "CUSCO", new double[] {690, 360},
          "CUSL", new double[] {690, 0});

  /**
   * Nodes of the customary constructs where readers expect them; any other model in columns by
   * longest distance from an exogenous construct, zig-zagging lone nodes so labels do not collide.
   */
  private Map<String, Object> diagram(
      ModelRun run, EstimateResult r, Map<String, String> labels, Locale locale) {
    boolean customary =
        run.spec().constructs().stream().allMatch(c -> CUSTOMARY.containsKey(c.name()));
    Map<String, Integer> depth = new HashMap<>();
    run.spec().constructs().forEach(c -> depth.put(c.name(), 0));
    for (int pass = 0; pass < depth.size(); pass++) {
      for (List<String> path : run.spec().paths()) {
        depth.merge(path.get(1), depth.get(path.get(0)) + 1, Math::max);
      }
    }
    Map<Integer, Integer> perColumn = new HashMap<>();
    Map<Integer, Integer> columnSize = new HashMap<>();
    depth.values().forEach(d -> columnSize.merge(d, 1, Integer::sum));
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (ConstructSpec c : run.spec().constructs()) {
      double x;
      double y;
      if (customary) {
        x = CUSTOMARY.get(c.name())[0];
        y = CUSTOMARY.get(c.name())[1];
      } else {
        int column = depth.get(c.name());
        int row = perColumn.merge(column, 1, Integer::sum) - 1;
        int size = columnSize.get(column);
        x = column * 200;
        y = size == 1 ? (column % 2 == 0 ? -60 : 60) : (row - (size - 1) / 2.0) * 140;
      }
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("id", c.name());
      node.put("label", labels.getOrDefault(c.name(), c.name()));
      node.put("x", x);
      node.put("y", y);
      node.put("r2", r.rSquared().get(c.name()));
      node.put("index", r.index().get(c.name()));
      nodes.add(node);
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (EstimateResult.PathResult p : r.pathCoefficients()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("source", p.from());
      link.put("target", p.to());
      link.put("value", p.estimate());
      link.put("significant", p.significant());
      links.add(link);
    }
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("index", t("satisfaction.index", locale));
    texts.put("notSignificant", t("satisfaction.path.notSignificant", locale));
    return Map.of("nodes", nodes, "links", links, "texts", texts);
  }

  private Map<String, Object> ipa(
      EstimateResult r,
      List<DriverAnalysis.Driver> drivers,
      Map<String, String> labels,
      Locale locale) {
    List<Map<String, Object>> points = new ArrayList<>();
    double sumX = 0;
    double sumY = 0;
    int count = 0;
    for (DriverAnalysis.Driver d : drivers) {
      if (d.performance() == null) {
        continue;
      }
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("id", d.construct());
      point.put("label", labels.getOrDefault(d.construct(), d.construct()));
      point.put("importance", d.importance());
      point.put("performance", d.performance());
      point.put("quadrant", d.quadrant() == null ? "" : d.quadrant().name());
      EstimateResult.Interval interval = r.indexInterval(d.construct());
      point.put("low", interval == null ? null : interval.low());
      point.put("high", interval == null ? null : interval.high());
      points.add(point);
      sumX += d.importance();
      sumY += d.performance();
      count++;
    }
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("importance", t("satisfaction.ipa.importance", locale));
    texts.put("performance", t("satisfaction.ipa.performance", locale));
    texts.put("interval", t("satisfaction.ipa.interval", locale));
    for (Quadrant q : Quadrant.values()) {
      texts.put(q.name(), t("satisfaction.quadrant." + q.name(), locale));
    }
    Map<String, Object> ipa = new LinkedHashMap<>();
    ipa.put("points", points);
    ipa.put("meanImportance", count == 0 ? 0 : sumX / count);
    ipa.put("meanPerformance", count == 0 ? 0 : sumY / count);
    ipa.put("texts", texts);
    return ipa;
  }

  private String t(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }
}
