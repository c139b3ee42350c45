package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bank-customer satisfaction model (six reflective blocks, centred items) against the published
 * R plspm results shipped with plspm-python.
 */
class PlsSatisfactionTests {

  private static final double TOLERANCE = 1e-5;

  /**
   * plspm stops formative models early (its rule sums squared changes of unnormalised weights), so
   * its published mode B figures sit about 2e-5 from the fixed point this engine converges to.
   */
  private static final double MODE_B_TOLERANCE = 5e-5;

  private static final double PUBLISHED_GOF = 0.609741624338411;

  static final List<List<String>> PATHS =
      List.of(
          List.of("IMAG", "EXPE"),
          List.of("IMAG", "SAT"),
          List.of("IMAG", "LOY"),
          List.of("EXPE", "QUAL"),
          List.of("EXPE", "VAL"),
          List.of("EXPE", "SAT"),
          List.of("QUAL", "VAL"),
          List.of("QUAL", "SAT"),
          List.of("VAL", "SAT"),
          List.of("SAT", "LOY"));

  static Map<String, List<String>> blocks() {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    blocks.put("IMAG", List.of("imag1", "imag2", "imag3", "imag4", "imag5"));
    blocks.put("EXPE", List.of("expe1", "expe2", "expe3", "expe4", "expe5"));
    blocks.put("QUAL", List.of("qual1", "qual2", "qual3", "qual4", "qual5"));
    blocks.put("VAL", List.of("val1", "val2", "val3", "val4"));
    blocks.put("SAT", List.of("sat1", "sat2", "sat3", "sat4"));
    blocks.put("LOY", List.of("loy1", "loy2", "loy3", "loy4"));
    return blocks;
  }

  static PlsModel model(Scheme scheme) {
    return PlsModel.of(blocks(), PATHS)
        .withScheme(scheme)
        .withScaling(Scaling.RAW)
        .withTolerance(1e-6);
  }

  private double maxDiff;

  private PlsResult estimate(PlsModel model) throws IOException {
    return new PlsEstimator().estimate(model, ReferenceData.csv("plspm-python/satisfaction.csv"));
  }

  private void close(double actual, double expected, String what) {
    close(actual, expected, what, TOLERANCE);
  }

  private void close(double actual, double expected, String what, double tolerance) {
    assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
    maxDiff = Math.max(maxDiff, Math.abs(actual - expected));
  }

  @Test
  void centroidSchemeReproducesOuterModel() throws IOException {
    PlsResult result = estimate(model(Scheme.CENTROID));
    assertThat(result.converged()).isTrue();
    assertThat(result.n()).isEqualTo(250);
    assertOuterModel(result, "plspm-python/satisfaction.outer-model.csv");
    report("outer model (centroid)");
  }

  @Test
  void iterationLimitIsReportedAsNotConverged() throws IOException {
    PlsResult result = estimate(model(Scheme.CENTROID).withMaxIterations(1));

    assertThat(result.converged()).isFalse();
    assertThat(result.iterations()).isEqualTo(1);
  }

  @Test
  void pathSchemeReproducesOuterModel() throws IOException {
    assertOuterModel(
        estimate(model(Scheme.PATH)), "plspm-python/satisfaction.outer-model-path.csv");
    report("outer model (path)");
  }

  @Test
  void factorialSchemeReproducesOuterModel() throws IOException {
    assertOuterModel(
        estimate(model(Scheme.FACTORIAL)), "plspm-python/satisfaction.outer-model-factorial.csv");
    report("outer model (factorial)");
  }

  @Test
  void innerSummaryAndGoodnessOfFitMatchPlspm() throws IOException {
    PlsResult result = estimate(model(Scheme.CENTROID));
    String file = "plspm-python/satisfaction.inner-summary.csv";
    Map<String, Double> r2 = ReferenceData.column(file, "r_squared");
    Map<String, Double> communality = ReferenceData.column(file, "block_communality");
    Map<String, Double> redundancy = ReferenceData.column(file, "mean_redundancy");
    Map<String, Double> ave = ReferenceData.column(file, "ave");
    for (String construct : blocks().keySet()) {
      close(result.rSquared().getOrDefault(construct, 0.0), r2.get(construct), "R² " + construct);
      Reliability reliability = result.reliability().get(construct);
      close(reliability.communality(), communality.get(construct), "communality " + construct);
      close(reliability.redundancy(), redundancy.get(construct), "redundancy " + construct);
      close(reliability.ave(), ave.get(construct), "AVE " + construct);
    }
    assertThat(result.rSquared()).doesNotContainKey("IMAG");
    close(result.gof(), PUBLISHED_GOF, "GoF");
    report("inner summary and GoF");
  }

  @Test
  void effectsMatchPlspm() throws IOException {
    PlsResult result = estimate(model(Scheme.CENTROID));
    Map<String, List<String>> expected =
        ReferenceData.rows("plspm-python/satisfaction.effects.csv");
    assertThat(result.effects()).hasSize(expected.size());
    for (Effect effect : result.effects()) {
      List<String> row = expected.get(effect.from() + " -> " + effect.to());
      assertThat(row).as("effect %s -> %s", effect.from(), effect.to()).isNotNull();
      close(effect.direct(), Double.parseDouble(row.get(3)), "direct " + row.get(0));
      close(effect.indirect(), Double.parseDouble(row.get(4)), "indirect " + row.get(0));
      close(effect.total(), Double.parseDouble(row.get(5)), "total " + row.get(0));
    }
    Map<String, Double> satPaths =
        ReferenceData.column("plspm-python/satisfaction.inner-model.csv", "Estimate");
    satPaths.forEach(
        (from, estimate) ->
            close(PlsEcsiSmartPlsTests.path(result, from, "SAT"), estimate, "path to SAT " + from));
    report("effects");
  }

  @Test
  void reliabilityMatchesPlspmUnidimensionality() throws IOException {
    PlsResult result = estimate(model(Scheme.CENTROID));
    String file = "plspm-python/satisfaction_unidim.csv";
    Map<String, Double> alpha = ReferenceData.column(file, "cronbach_alpha");
    Map<String, Double> rho = ReferenceData.column(file, "dillon_goldstein_rho");
    for (String construct : blocks().keySet()) {
      close(
          result.reliability().get(construct).cronbachAlpha(),
          alpha.get(construct),
          "alpha " + construct);
      close(
          result.reliability().get(construct).dillonGoldsteinRho(),
          rho.get(construct),
          "rho " + construct);
    }
    report("reliability");
  }

  @Test
  void crossLoadingsAndScoresMatchPlspm() throws IOException {
    PlsResult result = estimate(model(Scheme.CENTROID));
    Map<String, List<String>> cross =
        ReferenceData.rows("plspm-python/satisfaction.crossloadings.csv");
    List<String> constructs = List.copyOf(blocks().keySet());
    cross.forEach(
        (item, row) -> {
          for (int j = 0; j < constructs.size(); j++) {
            close(
                result.crossLoadings().get(item).get(constructs.get(j)),
                Double.parseDouble(row.get(2 + j)),
                "cross-loading " + item + " on " + constructs.get(j));
          }
        });
    List<String> lines =
        Files.readAllLines(
            ReferenceData.plsFile("plspm-python/satisfaction.scores.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
    assertThat(lines.size() - 1).isEqualTo(result.n());
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",");
      for (int c = 0; c < header.size(); c++) {
        close(
            result.scores().get(header.get(c))[r - 1],
            Double.parseDouble(cells[c]),
            "score " + header.get(c) + " row " + r);
      }
    }
    report("cross-loadings and scores");
  }

  @Test
  void formativeBlocksReproducePlspmModeBInnerSummary() throws IOException {
    Map<String, Mode> modes = new LinkedHashMap<>();
    blocks().keySet().forEach(construct -> modes.put(construct, Mode.B));
    PlsResult result = estimate(model(Scheme.CENTROID).withModes(modes));
    assertThat(result.converged()).isTrue();
    String file = "plspm-python/satisfaction.modeb.inner-summary.csv";
    Map<String, Double> r2 = ReferenceData.column(file, "r_squared");
    Map<String, Double> communality = ReferenceData.column(file, "block_communality");
    Map<String, Double> redundancy = ReferenceData.column(file, "mean_Redundancy");
    for (String construct : blocks().keySet()) {
      close(
          result.rSquared().getOrDefault(construct, 0.0),
          r2.get(construct),
          "R² " + construct,
          MODE_B_TOLERANCE);
      Reliability reliability = result.reliability().get(construct);
      close(
          reliability.communality(),
          communality.get(construct),
          "communality " + construct,
          MODE_B_TOLERANCE);
      close(
          reliability.redundancy(),
          redundancy.get(construct),
          "redundancy " + construct,
          MODE_B_TOLERANCE);
      assertThat(reliability.ave()).as("AVE of formative %s", construct).isNull();
    }
    report("mode B inner summary");
  }

  private void assertOuterModel(PlsResult result, String file) throws IOException {
    Map<String, Double> weights = ReferenceData.column(file, "weight");
    Map<String, Double> loadings = ReferenceData.column(file, "loading");
    assertThat(result.outerWeights().keySet())
        .containsExactlyInAnyOrderElementsOf(weights.keySet());
    weights.forEach((item, w) -> close(result.outerWeights().get(item), w, "weight " + item));
    loadings.forEach((item, l) -> close(result.loadings().get(item), l, "loading " + item));
  }

  private void report(String what) {
    System.out.printf("plspm satisfaction %s: max abs difference %.3g%n", what, maxDiff);
  }
}
