package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bootstrap percentile intervals of the 0–100 index scores. */
class PlsIndexIntervalTests {

  private static final int RESAMPLES = 300;
  private static final long SEED = 11L;
  private static final ScaleRange ONE_TO_TEN = new ScaleRange(1, 10);

  private static PlsModel ecsi() {
    return PlsModel.of(PlsEcsiSmartPlsTests.ecsiBlocks(), PlsEcsiSmartPlsTests.ECSI_PATHS)
        .withScale(ONE_TO_TEN)
        .withBootstrap(RESAMPLES, SEED);
  }

  /**
   * A single-item construct's index is its item mean on the scale, so its bootstrap distribution
   * can be rebuilt independently by drawing the same resamples (same seed, same draw order) and
   * taking means.
   */
  @Test
  void singleItemIntervalIsThePercentileIntervalOfResampledMeans() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsResult result = new PlsEstimator().estimate(ecsi(), mobi);
    assertThat(result.casesDropped()).isZero();
    assertThat(result.bootstrap().failed()).isZero();

    double[] item = mobi.column("CUSCO");
    int n = item.length;
    SplittableRandom random = new SplittableRandom(SEED);
    double[] indexes = new double[RESAMPLES];
    int[] counts = new int[n];
    for (int b = 0; b < RESAMPLES; b++) {
      Arrays.fill(counts, 0);
      for (int r = 0; r < n; r++) {
        counts[random.nextInt(n)]++;
      }
      double sum = 0;
      for (int r = 0; r < n; r++) {
        sum += counts[r] * item[r];
      }
      indexes[b] = 100 * (sum / n - 1) / 9;
    }
    Arrays.sort(indexes);

    BootstrapEstimate interval = result.bootstrap().index().get("CUSCO");
    assertThat(interval.original()).isCloseTo(result.index().get("CUSCO"), within(1e-12));
    assertThat(interval.low()).isCloseTo(PlsEstimator.quantile(indexes, 0.025), within(1e-9));
    assertThat(interval.high()).isCloseTo(PlsEstimator.quantile(indexes, 0.975), within(1e-9));
  }

  @Test
  void everyIndexHasAnIntervalAroundIt() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsResult result = new PlsEstimator().estimate(ecsi(), mobi);

    assertThat(result.bootstrap().index().keySet()).isEqualTo(result.index().keySet());
    result
        .index()
        .forEach(
            (construct, index) -> {
              BootstrapEstimate e = result.bootstrap().index().get(construct);
              assertThat(e.low()).as(construct).isLessThan(index).isGreaterThan(0);
              assertThat(e.high()).as(construct).isGreaterThan(index).isLessThan(100);
              // 250 answers on a 10-point scale: a mean moves a few points, not tens
              assertThat(e.high() - e.low()).as(construct).isBetween(0.5, 15.0);
              assertThat(e.standardError()).as(construct).isPositive();
            });
  }

  @Test
  void noIntervalsWithoutAnAnswerScale() throws IOException {
    DataTable mobi = ReferenceData.csv("plspm-python/mobi.csv");
    PlsModel unscaled =
        PlsModel.of(PlsEcsiSmartPlsTests.ecsiBlocks(), PlsEcsiSmartPlsTests.ECSI_PATHS)
            .withBootstrap(50, SEED);

    PlsResult result = new PlsEstimator().estimate(unscaled, mobi);

    assertThat(result.index()).isEmpty();
    assertThat(result.bootstrap().index()).isEmpty();
  }
}
