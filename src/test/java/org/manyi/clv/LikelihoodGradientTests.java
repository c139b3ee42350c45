package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.manyi.clv.internal.BetaGeometricNbd;
import org.manyi.clv.internal.RfGroups;

class LikelihoodGradientTests {

  private static final double STEP = 1e-6;

  @Test
  void analyticGradientsMatchCentralDifferences() {
    RfGroups g =
        RfGroups.of(
            List.of(
                CustomerSummary.of("a", 0, 0, 30),
                CustomerSummary.of("b", 3, 20, 30),
                CustomerSummary.of("c", 1, 5, 25),
                CustomerSummary.of("d", 12, 28.5, 30),
                CustomerSummary.of("e", 12, 28.5, 30)));
    double[] p = {Math.log(0.4), Math.log(6), Math.log(0.9), Math.log(2.2)};
    for (boolean modified : new boolean[] {false, true}) {
      double[] gradient = new double[4];
      double value = BetaGeometricNbd.logLikelihood(g, p, modified, gradient);
      assertThat(value)
          .isCloseTo(BetaGeometricNbd.logLikelihood(g, 0.4, 6, 0.9, 2.2, modified), within(1e-9));
      for (int i = 0; i < 4; i++) {
        double[] up = p.clone();
        double[] down = p.clone();
        up[i] += STEP;
        down[i] -= STEP;
        double numeric =
            (BetaGeometricNbd.logLikelihood(g, up, modified, new double[4])
                    - BetaGeometricNbd.logLikelihood(g, down, modified, new double[4]))
                / (2 * STEP);
        assertThat(gradient[i])
            .as("modified=%s, parameter %d", modified, i)
            .isCloseTo(numeric, within(1e-5));
      }
    }
  }
}
