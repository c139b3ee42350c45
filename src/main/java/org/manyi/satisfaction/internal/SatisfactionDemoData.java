package org.manyi.satisfaction.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Two quarterly ECSI survey waves of the demo retailer, estimated with the ready ECSI model, so the
 * result pages, the driver analysis and the period comparison have something to show. In the second
 * wave perceived quality improves a little, as after a service programme.
 */
@Component
class SatisfactionDemoData implements DemoDataContributor {

  private static final List<String> ITEMS =
      List.of(
          "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5", "CUEX1", "CUEX2", "CUEX3", "PERQ1", "PERQ2",
          "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7", "PERV1", "PERV2", "CUSA1", "CUSA2", "CUSA3",
          "CUSCO", "CUSL1", "CUSL2", "CUSL3");

  /** Block of each item in {@link #ITEMS}: IMAG, CUEX, PERQ, PERV, CUSA, CUSCO, CUSL. */
  private static final int[] BLOCK = {
    0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 6, 6, 6
  };

  private final SatisfactionModels models;
  private final ModelRuns runs;

  SatisfactionDemoData(SatisfactionModels models, ModelRuns runs) {
    this.models = models;
    this.runs = runs;
  }

  @Override
  public String name() {
    return "satisfaction";
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public void contribute(DemoContext context) {
    SatisfactionModel ecsi = models.ready(ReadyModels.ECSI).orElse(null);
    if (ecsi == null) {
      return;
    }
    int respondents = Math.max(300, Math.min(2000, context.customers() / 5));
    RunSettings settings =
        new RunSettings(
            RunSettings.defaults().tolerance(), 300, 100, RunSettings.defaults().seed());
    for (int wave = 1; wave <= 2; wave++) {
      byte[] csv = wave(context.random(), respondents, wave == 2 ? 0.35 : 0);
      runs.runNow(ecsi, csv, "ecsi-2026-q" + (wave + 2) + ".csv", settings, "admin");
    }
    context.job().message("satisfaction: 2 ECSI survey waves of " + respondents + " respondents");
  }

  /** Answers on 1–10 from a latent ECSI structure; {@code qualityLift} raises perceived quality. */
  static byte[] wave(Random random, int rows, double qualityLift) {
    StringBuilder csv = new StringBuilder(String.join(",", ITEMS)).append('\n');
    for (int r = 0; r < rows; r++) {
      double imag = random.nextGaussian();
      double cuex = 0.5 * imag + 0.8 * random.nextGaussian();
      double perq = qualityLift + 0.6 * cuex + 0.7 * random.nextGaussian();
      double perv = 0.5 * perq + 0.2 * cuex + 0.7 * random.nextGaussian();
      double cusa = 0.2 * imag + 0.5 * perq + 0.2 * perv + 0.5 * random.nextGaussian();
      double cusco = 0.5 * cusa + 0.8 * random.nextGaussian();
      double cusl = 0.5 * cusa + 0.2 * imag + 0.7 * random.nextGaussian();
      double[] latent = {imag, cuex, perq, perv, cusa, cusco, cusl};
      for (int i = 0; i < ITEMS.size(); i++) {
        double value = 6.8 + 1.4 * (latent[BLOCK[i]] + 0.6 * random.nextGaussian());
        if (i > 0) {
          csv.append(',');
        }
        // a few skipped questions, as in every real survey
        if (random.nextDouble() < 0.004) {
          continue;
        }
        csv.append(Math.max(1, Math.min(10, Math.round(value))));
      }
      csv.append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
