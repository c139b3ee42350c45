package org.manyi.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChurnRiskModelTests {

  private static final double HORIZON_WEEKS = 39;

  /**
   * Issue 9 acceptance: CDNOW sample scored as of 1997-09-30 with data up to that date only, churn
   * = no purchase in the following 39 weeks.
   */
  @Test
  void defaultScoreOnCdnowRanksChurnersAndEverySignalIsReported() {
    List<Transaction> log = Cdnow.sampleTransactions();
    ChurnRiskModel model =
        ChurnRiskModel.fit(log, Cdnow.CALIBRATION_END, TimeUnit.WEEK, HORIZON_WEEKS);
    Map<String, Boolean> churnedById = churnLabels(log);
    List<CustomerSummary> cs = model.customers();
    boolean[] churned = new boolean[cs.size()];
    for (int i = 0; i < churned.length; i++) {
      churned[i] = churnedById.get(cs.get(i).customerId());
    }

    System.out.println("CDNOW churn (as of 1997-09-30, 39-week horizon), AUC per signal:");
    for (ChurnSignal signal : ChurnSignal.values()) {
      double[] v = new double[cs.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = model.signals().value(signal, cs.get(i));
      }
      System.out.printf("  %-40s %.4f%n", signal.description(), ChurnMetrics.auc(v, churned));
    }
    double[] risk = new double[cs.size()];
    List<ChurnScore> scores = model.scoreAll();
    for (int i = 0; i < risk.length; i++) {
      risk[i] = scores.get(i).risk();
      assertThat(risk[i]).isBetween(0.0, 1.0);
      assertThat(scores.get(i).reasons()).isNotEmpty();
    }
    double auc = ChurnMetrics.auc(risk, churned);
    ChurnMetrics.TopFraction top = ChurnMetrics.topDecile(risk, churned);
    ChurnMetrics.AtThreshold half = ChurnMetrics.atThreshold(risk, churned, 0.5);
    System.out.printf(
        "  default %s (trained at %s, coefficients %s): AUC %.4f%n",
        model.method(),
        model.trainingCutOff(),
        java.util.Arrays.toString(model.coefficients()),
        auc);
    System.out.printf(
        "  top decile: precision %.3f recall %.3f lift %.2f; at 0.5: flagged %d precision %.3f"
            + " recall %.3f%n",
        top.precision(), top.recall(), top.lift(), half.flagged(), half.precision(), half.recall());
    System.out.println("  calibration (decile, n, mean predicted, observed churn):");
    for (ChurnMetrics.CalibrationBin b : ChurnMetrics.calibration(risk, churned)) {
      System.out.printf(
          "    %2d %4d %.3f %.3f%n",
          b.decile(), b.customers(), b.meanPredicted(), b.observedRate());
    }
    System.out.println("  example: " + scores.get(0));

    assertThat(model.method()).isEqualTo(ChurnRiskModel.Method.LOGISTIC_AS_OF);
    assertThat(model.trainingCutOff()).isBefore(Cdnow.CALIBRATION_END);
    // The goal of AUC >= 0.80 is NOT reached on CDNOW: the best measured out-of-sample
    // ranking is about 0.78 (see the report); this asserts what is achieved.
    assertThat(auc).isGreaterThanOrEqualTo(0.775);
  }

  /**
   * Evidence for the report: the AUC 0.80 is out of reach for any score built from
   * frequency and recency on CDNOW. Even a lookup table of the observed churn rate per (frequency
   * capped at 7, weeks since last purchase in 3-week bins), fitted on the evaluation labels
   * themselves (so optimistic), stays below 0.80.
   */
  @Test
  void evenAnInSampleFrequencyRecencyLookupStaysBelowPointEight() {
    CustomerBase base = Cdnow.sampleBase();
    List<CustomerSummary> cs = base.customers();
    Map<String, int[]> cells = new HashMap<>();
    String[] key = new String[cs.size()];
    boolean[] churned = new boolean[cs.size()];
    for (int i = 0; i < key.length; i++) {
      CustomerSummary c = cs.get(i);
      key[i] = Math.min(c.frequency(), 7) + ":" + (int) (c.timeSinceLastPurchase() / 3);
      churned[i] = c.holdoutFrequency() == 0;
      int[] cell = cells.computeIfAbsent(key[i], k -> new int[2]);
      cell[0]++;
      cell[1] += churned[i] ? 1 : 0;
    }
    double[] rate = new double[key.length];
    for (int i = 0; i < key.length; i++) {
      rate[i] = cells.get(key[i])[1] / (double) cells.get(key[i])[0];
    }
    double ceiling = ChurnMetrics.auc(rate, churned);
    System.out.printf("in-sample (frequency, recency) lookup AUC on CDNOW: %.4f%n", ceiling);
    assertThat(ceiling).isLessThan(0.80);
  }

  @Test
  void scoringAsOfADateIgnoresEverythingAfterIt() {
    List<Transaction> log = Cdnow.sampleTransactions();
    List<Transaction> past = new ArrayList<>();
    for (Transaction t : log) {
      if (!t.date().isAfter(Cdnow.CALIBRATION_END)) {
        past.add(t);
      }
    }
    // extra future activity: existing customers buying again and a brand-new customer
    List<Transaction> withFuture = new ArrayList<>(past);
    LocalDate later = Cdnow.CALIBRATION_END.plusDays(1);
    withFuture.add(new Transaction("1", later, 99));
    withFuture.add(new Transaction("2", later.plusDays(30), 10));
    withFuture.add(new Transaction("new-customer", later.plusDays(5), 20));

    ChurnRiskModel a =
        ChurnRiskModel.fit(past, Cdnow.CALIBRATION_END, TimeUnit.WEEK, HORIZON_WEEKS);
    ChurnRiskModel b =
        ChurnRiskModel.fit(withFuture, Cdnow.CALIBRATION_END, TimeUnit.WEEK, HORIZON_WEEKS);
    ChurnRiskModel c = ChurnRiskModel.fit(log, Cdnow.CALIBRATION_END, TimeUnit.WEEK, HORIZON_WEEKS);
    assertThat(b.scoreAll()).isEqualTo(a.scoreAll());
    assertThat(c.scoreAll()).isEqualTo(a.scoreAll());
    assertThat(b.version()).isEqualTo(a.version());
  }

  @Test
  void aRestoredModelScoresLikeTheFittedOne() {
    ChurnRiskModel model =
        ChurnRiskModel.fit(
            Cdnow.sampleTransactions(), Cdnow.CALIBRATION_END, TimeUnit.WEEK, HORIZON_WEEKS);
    ChurnRiskModel restored = ChurnRiskModel.restore(model.parameters());
    assertThat(restored.customers()).isEmpty();
    for (CustomerSummary c : model.customers().subList(0, 50)) {
      assertThat(restored.score(c)).isEqualTo(model.score(c));
    }
  }

  private static Map<String, Boolean> churnLabels(List<Transaction> log) {
    Map<String, Boolean> churned = new HashMap<>();
    for (Transaction t : log) {
      churned.putIfAbsent(t.customerId(), true);
      if (t.date().isAfter(Cdnow.CALIBRATION_END) && !t.date().isAfter(Cdnow.HOLDOUT_END)) {
        churned.put(t.customerId(), false);
      }
    }
    return churned;
  }
}
