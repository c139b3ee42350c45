package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ACSI-style 0–100 index scores on the mobi data (answers on 1..10). */
class PlsIndexTests {

  private static final ScaleRange ONE_TO_TEN = new ScaleRange(1, 10);

  private static PlsModel ecsi() {
    return PlsModel.of(PlsEcsiSmartPlsTests.ecsiBlocks(), PlsEcsiSmartPlsTests.ECSI_PATHS)
        .withScale(ONE_TO_TEN);
  }

  @Test
  void singleItemIndexIsTheItemMeanOnTheScale() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsResult result = new PlsEstimator().estimate(ecsi(), mobi);

    double mean = mean(mobi.column("CUSCO"));
    assertThat(result.index().get("CUSCO")).isCloseTo(100 * (mean - 1) / 9, within(1e-9));
  }

  @Test
  void indexWeightsItemsByUnstandardisedOuterWeights() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsResult result = new PlsEstimator().estimate(ecsi(), mobi);

    for (Map.Entry<String, List<String>> block : PlsEcsiSmartPlsTests.ecsiBlocks().entrySet()) {
      double weightSum = 0;
      double weighted = 0;
      for (String item : block.getValue()) {
        double[] values = mobi.column(item);
        double unstandardised = result.outerWeights().get(item) / populationSd(values);
        weightSum += unstandardised;
        weighted += unstandardised * mean(values);
      }
      double expected = 100 * (weighted / weightSum - 1) / 9;
      assertThat(result.index().get(block.getKey()))
          .as("index %s", block.getKey())
          .isCloseTo(expected, within(1e-9))
          .isBetween(0.0, 100.0);
    }
  }

  @Test
  void rawScalingUsesTheWeightsAsTheyAre() throws IOException {
    DataTable satisfaction = ReferenceData.csv("plspm-python/satisfaction.csv");
    PlsModel model = PlsSatisfactionTests.model(Scheme.CENTROID).withScale(new ScaleRange(0, 10));
    PlsResult result = new PlsEstimator().estimate(model, satisfaction);

    List<String> items = PlsSatisfactionTests.blocks().get("SAT");
    double weightSum = 0;
    double weighted = 0;
    for (String item : items) {
      weightSum += result.outerWeights().get(item);
      weighted += result.outerWeights().get(item) * mean(satisfaction.column(item));
    }
    assertThat(result.index().get("SAT")).isCloseTo(10 * weighted / weightSum, within(1e-9));
  }

  @Test
  void shiftingAnswersAndScaleTogetherLeavesTheIndexUnchanged() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    Map<String, double[]> shifted = new LinkedHashMap<>();
    for (String column : mobi.columns()) {
      double[] values = mobi.column(column).clone();
      for (int r = 0; r < values.length; r++) {
        values[r] += 10;
      }
      shifted.put(column, values);
    }
    PlsEstimator estimator = new PlsEstimator();

    PlsResult original = estimator.estimate(ecsi(), mobi);
    PlsResult moved =
        estimator.estimate(ecsi().withScale(new ScaleRange(11, 20)), DataTable.of(shifted));

    original
        .index()
        .forEach(
            (construct, value) ->
                assertThat(moved.index().get(construct)).isCloseTo(value, within(1e-9)));
  }

  @Test
  void itemScaleOverridesModelScaleAndUnknownScaleLeavesNoIndex() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsModel withoutScale =
        PlsModel.of(PlsEcsiSmartPlsTests.ecsiBlocks(), PlsEcsiSmartPlsTests.ECSI_PATHS)
            .withItemScales(Map.of("CUSCO", new ScaleRange(0, 10)));

    PlsResult result = new PlsEstimator().estimate(withoutScale, mobi);

    assertThat(result.index()).containsOnlyKeys("CUSCO");
    assertThat(result.index().get("CUSCO"))
        .isCloseTo(10 * mean(mobi.column("CUSCO")), within(1e-9));
  }

  @Test
  void constructWithANegativeWeightGetsNoIndex() throws IOException {
    PlsModel russett = PlsRussettTests.model(Scheme.CENTROID).withScale(new ScaleRange(0, 100));

    PlsResult result =
        new PlsEstimator().estimate(russett, ReferenceData.csv("plspm-python/russa.csv"));

    assertThat(result.outerWeights().get("gnpr")).isNegative();
    assertThat(result.index()).doesNotContainKey("IND").containsKey("AGRI");
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double populationSd(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / values.length);
  }
}
