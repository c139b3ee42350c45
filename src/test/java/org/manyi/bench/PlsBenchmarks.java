package org.manyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.manyi.pls.DataTable;
import org.manyi.pls.PlsEstimator;
import org.manyi.pls.PlsModel;
import org.manyi.pls.PlsResult;

/**
 * Issue 8's targets: the ECSI model on 100,000 responses in under 2 s; 500 bootstrap resamples on
 * 2,000 responses in under 20 s. The data is synthetic, drawn from an ECSI-shaped structural model,
 * so the benchmark needs no reference files.
 */
@Tag("benchmark")
class PlsBenchmarks {

  private static final Map<String, List<String>> BLOCKS = new LinkedHashMap<>();

  static {
    BLOCKS.put("IMAG", List.of("IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"));
    BLOCKS.put("CUEX", List.of("CUEX1", "CUEX2", "CUEX3"));
    BLOCKS.put("PERQ", List.of("PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"));
    BLOCKS.put("PERV", List.of("PERV1", "PERV2"));
    BLOCKS.put("CUSA", List.of("CUSA1", "CUSA2", "CUSA3"));
    BLOCKS.put("CUSCO", List.of("CUSCO"));
    BLOCKS.put("CUSL", List.of("CUSL1", "CUSL2", "CUSL3"));
  }

  private static final List<List<String>> PATHS =
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

  private final PlsEstimator estimator = new PlsEstimator();

  @Test
  void ecsiOnOneHundredThousandResponses() {
    DataTable data = ecsiResponses(100_000, 7);
    PlsModel model = PlsModel.of(BLOCKS, PATHS).withTolerance(1e-7);
    PlsResult[] last = new PlsResult[1];
    Benchmark.measure(
        "PLS ECSI, 100,000 responses, path scheme (" + Benchmark.machine() + ")",
        2,
        7,
        () -> last[0] = estimator.estimate(model, data));
    assertThat(last[0].converged()).isTrue();
  }

  @Test
  void fiveHundredBootstrapResamplesOnTwoThousandResponses() {
    DataTable data = ecsiResponses(2_000, 11);
    PlsModel model = PlsModel.of(BLOCKS, PATHS).withBootstrap(500, 42);
    PlsResult[] last = new PlsResult[1];
    Benchmark.measure(
        "PLS ECSI, 500 bootstrap resamples on 2,000 responses (" + Benchmark.machine() + ")",
        1,
        5,
        () -> last[0] = estimator.estimate(model, data));
    assertThat(last[0].bootstrap()).isNotNull();
  }

  /**
   * Answers on a 1–10 scale from latent scores following the ECSI paths with moderate effects, so
   * the estimator sees data of the shape a real survey gives.
   */
  static DataTable ecsiResponses(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, double[]> latent = new LinkedHashMap<>();
    for (String construct : BLOCKS.keySet()) {
      latent.put(construct, new double[n]);
    }
    for (int i = 0; i < n; i++) {
      double imag = random.nextGaussian();
      double cuex = 0.5 * imag + 0.85 * random.nextGaussian();
      double perq = 0.55 * cuex + 0.8 * random.nextGaussian();
      double perv = 0.2 * cuex + 0.5 * perq + 0.8 * random.nextGaussian();
      double cusa =
          0.2 * imag + 0.05 * cuex + 0.5 * perq + 0.2 * perv + 0.6 * random.nextGaussian();
      double cusco = 0.5 * cusa + 0.85 * random.nextGaussian();
      double cusl = 0.2 * imag + 0.5 * cusa + 0.05 * cusco + 0.7 * random.nextGaussian();
      double[] values = {imag, cuex, perq, perv, cusa, cusco, cusl};
      int c = 0;
      for (double[] column : latent.values()) {
        column[i] = values[c++];
      }
    }
    Map<String, double[]> items = new LinkedHashMap<>();
    BLOCKS.forEach(
        (construct, names) -> {
          double[] score = latent.get(construct);
          for (String item : names) {
            double[] answers = new double[n];
            for (int i = 0; i < n; i++) {
              double raw = 5.5 + 1.6 * (0.8 * score[i] + 0.6 * random.nextGaussian());
              answers[i] = Math.max(1, Math.min(10, Math.round(raw)));
            }
            items.put(item, answers);
          }
        });
    return DataTable.of(items);
  }
}
