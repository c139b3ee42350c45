package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The full ECSI model on the mobi data against SmartPLS 2.0.M3 (semPLS test suite). */
class PlsEcsiSmartPlsTests {

  private static final double TOLERANCE = 1e-6;

  /** SmartPLS labels to the model's construct names. */
  private static final Map<String, String> NAMES =
      Map.of(
          "Image", "IMAG",
          "Expectation", "CUEX",
          "Quality", "PERQ",
          "Value", "PERV",
          "Satisfaction", "CUSA",
          "Complaints", "CUSCO",
          "Loyalty", "CUSL");

  static final List<List<String>> ECSI_PATHS =
      List.of(
          List.of("IMAG", "CUEX"),
          List.of("IMAG", "CUSA"),
          List.of("IMAG", "CUSL"),
          List.of("CUEX", "PERQ"),
          List.of("CUEX", "PERV"),
          List.of("CUEX", "CUSA"),
          List.of("PERQ", "PERV"),
          List.of("PERQ", "CUSA"),
          List.of("PERV", "CUSA"),
          List.of("CUSA", "CUSCO"),
          List.of("CUSA", "CUSL"),
          List.of("CUSCO", "CUSL"));

  static Map<String, List<String>> ecsiBlocks() {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    blocks.put("IMAG", List.of("IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"));
    blocks.put("CUEX", List.of("CUEX1", "CUEX2", "CUEX3"));
    blocks.put("PERQ", List.of("PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"));
    blocks.put("PERV", List.of("PERV1", "PERV2"));
    blocks.put("CUSA", List.of("CUSA1", "CUSA2", "CUSA3"));
    blocks.put("CUSCO", List.of("CUSCO"));
    blocks.put("CUSL", List.of("CUSL1", "CUSL2", "CUSL3"));
    return blocks;
  }

  private static PlsResult estimate(Scheme scheme) throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsModel model =
        PlsModel.of(ecsiBlocks(), ECSI_PATHS)
            .withScheme(scheme)
            .withScaling(Scaling.STANDARDIZED)
            .withTolerance(1e-7);
    return new PlsEstimator().estimate(model, mobi);
  }

  @Test
  void smartPlsPathMatrixHasExactlyTheTwelveEcsiPaths() throws IOException {
    Map<String, Map<String, Double>> paths =
        ReferenceData.smartPls("smartpls-ecsi/pathWeighting/pathCoefficients.txt");
    Set<List<String>> nonZero = new HashSet<>();
    paths.forEach(
        (from, row) ->
            row.forEach(
                (to, value) -> {
                  if (value != 0) {
                    nonZero.add(List.of(NAMES.get(from), NAMES.get(to)));
                  }
                }));
    assertThat(nonZero).containsExactlyInAnyOrderElementsOf(ECSI_PATHS);
  }

  @Test
  void pathWeightingSchemeReproducesSmartPlsPathsWeightsAndLoadings() throws IOException {
    assertMatchesSmartPls(estimate(Scheme.PATH), "pathWeighting");
  }

  @Test
  void centroidSchemeReproducesSmartPls() throws IOException {
    assertMatchesSmartPls(estimate(Scheme.CENTROID), "centroid");
  }

  @Test
  void factorialSchemeReproducesSmartPls() throws IOException {
    assertMatchesSmartPls(estimate(Scheme.FACTORIAL), "factorial");
  }

  @Test
  void publishedHeadlinePathsAreHit() throws IOException {
    PlsResult result = estimate(Scheme.PATH);
    assertThat(result.converged()).isTrue();
    assertThat(result.n()).isEqualTo(250);
    assertThat(path(result, "IMAG", "CUEX")).isCloseTo(0.50491393, within(TOLERANCE));
    assertThat(path(result, "PERQ", "CUSA")).isCloseTo(0.51202394, within(TOLERANCE));
    assertThat(path(result, "CUSA", "CUSL")).isCloseTo(0.48547762, within(TOLERANCE));
  }

  static double path(PlsResult result, String from, String to) {
    return result.pathCoefficients().stream()
        .filter(p -> p.from().equals(from) && p.to().equals(to))
        .findFirst()
        .orElseThrow()
        .estimate();
  }

  private static void assertMatchesSmartPls(PlsResult result, String folder) throws IOException {
    assertThat(result.converged()).isTrue();
    double maxDiff = 0;
    Map<String, Map<String, Double>> paths =
        ReferenceData.smartPls("smartpls-ecsi/" + folder + "/pathCoefficients.txt");
    for (List<String> p : ECSI_PATHS) {
      double expected = paths.get(label(p.get(0))).get(label(p.get(1)));
      double actual = path(result, p.get(0), p.get(1));
      assertThat(actual)
          .as("path %s -> %s", p.get(0), p.get(1))
          .isCloseTo(expected, within(TOLERANCE));
      maxDiff = Math.max(maxDiff, Math.abs(actual - expected));
    }
    Map<String, Map<String, Double>> weights =
        ReferenceData.smartPls("smartpls-ecsi/" + folder + "/outerWeights.txt");
    Map<String, Map<String, Double>> cross =
        ReferenceData.smartPls("smartpls-ecsi/" + folder + "/crossLoadings.txt");
    for (Map.Entry<String, List<String>> block : ecsiBlocks().entrySet()) {
      for (String item : block.getValue()) {
        String label = label(block.getKey());
        double expectedWeight = weights.get(item).get(label);
        double expectedLoading = cross.get(item).get(label);
        assertThat(result.outerWeights().get(item))
            .as("weight %s", item)
            .isCloseTo(expectedWeight, within(TOLERANCE));
        assertThat(result.loadings().get(item))
            .as("loading %s", item)
            .isCloseTo(expectedLoading, within(TOLERANCE));
        maxDiff = Math.max(maxDiff, Math.abs(result.outerWeights().get(item) - expectedWeight));
        maxDiff = Math.max(maxDiff, Math.abs(result.loadings().get(item) - expectedLoading));
        for (String construct : ecsiBlocks().keySet()) {
          double expected = cross.get(item).get(label(construct));
          double actual = result.crossLoadings().get(item).get(construct);
          assertThat(actual)
              .as("cross-loading %s on %s", item, construct)
              .isCloseTo(expected, within(TOLERANCE));
          maxDiff = Math.max(maxDiff, Math.abs(actual - expected));
        }
      }
    }
    Map<String, Map<String, Double>> totals =
        ReferenceData.smartPls("smartpls-ecsi/" + folder + "/totalEffects.txt");
    for (Effect effect : result.effects()) {
      double expected = totals.get(label(effect.from())).get(label(effect.to()));
      assertThat(effect.total())
          .as("total effect %s -> %s", effect.from(), effect.to())
          .isCloseTo(expected, within(TOLERANCE));
      maxDiff = Math.max(maxDiff, Math.abs(effect.total() - expected));
    }
    System.out.printf(
        "SmartPLS %s: max abs difference %.3g after %d iterations%n",
        folder, maxDiff, result.iterations());
  }

  private static String label(String construct) {
    return NAMES.entrySet().stream()
        .filter(e -> e.getValue().equals(construct))
        .findFirst()
        .orElseThrow()
        .getKey();
  }
}
