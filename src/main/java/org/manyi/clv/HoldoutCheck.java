package org.manyi.clv;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a model's predicted holdout purchases with the actual ones, aggregated by calibration
 * frequency as in Fader, Hardie &amp; Lee (2005, Figure 4), so users can judge the fit.
 */
public final class HoldoutCheck {

  /** Frequencies at or above this are pooled into one row ("7+"). */
  public static final int TOP_FREQUENCY = 7;

  private HoldoutCheck() {}

  /**
   * Evaluates {@code model} on a base summarised with a holdout period.
   *
   * @throws IllegalArgumentException when the base has no holdout period
   */
  public static HoldoutReport evaluate(PurchaseModel model, CustomerBase base) {
    if (base.holdoutEnd() == null) {
      throw new IllegalArgumentException("the customer base was summarised without holdout period");
    }
    double t = base.holdoutLength();
    int rows = TOP_FREQUENCY + 1;
    int[] count = new int[rows];
    double[] actual = new double[rows];
    double[] predicted = new double[rows];
    double absError = 0;
    double actualTotal = 0;
    double predictedTotal = 0;
    for (CustomerSummary c : base.customers()) {
      int row = Math.min(c.frequency(), TOP_FREQUENCY);
      double p = model.expectedPurchases(t, c);
      count[row]++;
      actual[row] += c.holdoutFrequency();
      predicted[row] += p;
      absError += Math.abs(c.holdoutFrequency() - p);
      actualTotal += c.holdoutFrequency();
      predictedTotal += p;
    }
    List<HoldoutReport.Row> out = new ArrayList<>();
    double rowError = 0;
    int nonEmpty = 0;
    for (int k = 0; k < rows; k++) {
      String label = k == TOP_FREQUENCY ? TOP_FREQUENCY + "+" : Integer.toString(k);
      if (count[k] == 0) {
        out.add(new HoldoutReport.Row(label, 0, Double.NaN, Double.NaN));
        continue;
      }
      double ma = actual[k] / count[k];
      double mp = predicted[k] / count[k];
      out.add(new HoldoutReport.Row(label, count[k], ma, mp));
      rowError += Math.abs(ma - mp);
      nonEmpty++;
    }
    return new HoldoutReport(
        out,
        t,
        absError / base.customers().size(),
        rowError / nonEmpty,
        actualTotal,
        predictedTotal,
        model.version());
  }
}
