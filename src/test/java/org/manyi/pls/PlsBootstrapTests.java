package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlsBootstrapTests {

  private static final int RESAMPLES = 200;
  private static final long SEED = 7L;

  /**
   * Resampling is random, so published bootstrap figures can only be met loosely: a standard error
   * within half of plspm's and interval bounds within 0.1.
   */
  private static final double RELATIVE_SE_TOLERANCE = 0.5;

  private static final double BOUND_TOLERANCE = 0.1;

  private static DataTable satisfaction() throws IOException {
    return ReferenceData.csv("plspm-python/satisfaction.csv");
  }

  private static PlsModel model(long seed) {
    return PlsSatisfactionTests.model(Scheme.CENTROID).withBootstrap(RESAMPLES, seed);
  }

  @Test
  void sameSeedGivesIdenticalIntervals() throws IOException {
    DataTable data = satisfaction();
    PlsEstimator estimator = new PlsEstimator();

    PlsResult first = estimator.estimate(model(SEED), data);
    PlsResult second = estimator.estimate(model(SEED), data);

    assertThat(first.bootstrap()).isNotNull();
    assertThat(second.bootstrap()).isEqualTo(first.bootstrap());
    assertThat(second.pathCoefficients()).isEqualTo(first.pathCoefficients());
  }

  @Test
  void differentSeedGivesDifferentIntervals() throws IOException {
    DataTable data = satisfaction();
    PlsEstimator estimator = new PlsEstimator();

    BootstrapSummary first = estimator.estimate(model(SEED), data).bootstrap();
    BootstrapSummary other = estimator.estimate(model(SEED + 1), data).bootstrap();

    assertThat(other.paths()).isNotEqualTo(first.paths());
  }

  @Test
  void pathCoefficientsCarryStandardErrorsAndIntervalsAroundTheEstimate() throws IOException {
    PlsResult result = new PlsEstimator().estimate(model(SEED), satisfaction());

    assertThat(result.bootstrap().failed()).isZero();
    assertThat(result.bootstrap().resamples()).isEqualTo(RESAMPLES);
    for (PathCoefficient path : result.pathCoefficients()) {
      assertThat(path.standardError()).isPositive();
      assertThat(path.ciLow()).isLessThan(path.ciHigh());
      assertThat(path.estimate()).isBetween(path.ciLow(), path.ciHigh());
    }
    assertThat(result.bootstrap().weights()).containsKeys("imag1", "loy4");
    assertThat(result.bootstrap().loadings()).containsKeys("imag1", "loy4");
  }

  @Test
  void withoutBootstrapIntervalsAreAbsent() throws IOException {
    PlsResult result =
        new PlsEstimator().estimate(PlsSatisfactionTests.model(Scheme.CENTROID), satisfaction());

    assertThat(result.bootstrap()).isNull();
    assertThat(result.pathCoefficients())
        .allSatisfy(
            path -> {
              assertThat(path.ciLow()).isNull();
              assertThat(path.ciHigh()).isNull();
              assertThat(path.standardError()).isNull();
            });
  }

  @Test
  void bootstrapSummariesAgreeLooselyWithPlspm() throws IOException {
    PlsResult result =
        new PlsEstimator()
            .estimate(
                PlsSatisfactionTests.model(Scheme.CENTROID)
                    .withBootstrap(PlsModel.DEFAULT_BOOTSTRAP, SEED),
                satisfaction());
    assertLooselyEqual(
        result.bootstrap().paths(), ReferenceData.rows("plspm-python/satisfaction_boot_paths.csv"));
    assertLooselyEqual(
        result.bootstrap().weights(),
        ReferenceData.rows("plspm-python/satisfaction_boot_weights.csv"));
    assertLooselyEqual(
        result.bootstrap().loadings(),
        ReferenceData.rows("plspm-python/satisfaction_boot_loadings.csv"));
  }

  @Test
  void progressIsReportedAfterEveryResample() throws IOException {
    List<Integer> done = new ArrayList<>();
    new PlsEstimator()
        .estimate(
            PlsSatisfactionTests.model(Scheme.CENTROID).withBootstrap(5, SEED),
            satisfaction(),
            (completed, total) -> {
              assertThat(total).isEqualTo(5);
              done.add(completed);
            },
            () -> false);

    assertThat(done).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void cancellationStopsTheBootstrap() throws IOException {
    AtomicInteger polls = new AtomicInteger();
    DataTable data = satisfaction();

    assertThatThrownBy(
            () ->
                new PlsEstimator()
                    .estimate(
                        model(SEED),
                        data,
                        PlsEstimator.ProgressListener.NONE,
                        () -> polls.incrementAndGet() > 3))
        .isInstanceOf(CancellationException.class);
    assertThat(polls.get()).isEqualTo(4);
  }

  @Test
  void percentilesInterpolateLikeR() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertThat(PlsEstimator.quantile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
    assertThat(PlsEstimator.quantile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
    assertThat(PlsEstimator.quantile(sorted, 0.5)).isEqualTo(3.0);
  }

  private static void assertLooselyEqual(
      Map<String, BootstrapEstimate> actual, Map<String, List<String>> expected) {
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (key, row) -> {
          BootstrapEstimate estimate = actual.get(key);
          double original = Double.parseDouble(row.get(1));
          double se = Double.parseDouble(row.get(3));
          assertThat(estimate.original()).as("original %s", key).isCloseTo(original, within(1e-5));
          assertThat(estimate.standardError())
              .as("standard error %s", key)
              .isCloseTo(se, within(se * RELATIVE_SE_TOLERANCE));
          assertThat(estimate.low())
              .as("2.5%% %s", key)
              .isCloseTo(Double.parseDouble(row.get(4)), within(BOUND_TOLERANCE));
          assertThat(estimate.high())
              .as("97.5%% %s", key)
              .isCloseTo(Double.parseDouble(row.get(5)), within(BOUND_TOLERANCE));
        });
  }
}
