package org.manyi.clv;

import java.util.List;

/**
 * Calibration-versus-holdout comparison of a purchase model.
 *
 * @param rows one row per calibration frequency 0 .. {@value HoldoutCheck#TOP_FREQUENCY}+, the last
 *     row pooling all higher frequencies
 * @param holdoutLength length of the holdout period in model time units
 * @param meanAbsoluteErrorPerCustomer mean over customers of |actual - predicted| holdout purchases
 * @param meanAbsoluteErrorPerRow mean over rows of |mean actual - mean predicted|, the error of the
 *     usual "conditional expectations" chart
 * @param actualTotal actual holdout transactions in all
 * @param predictedTotal predicted holdout transactions in all
 * @param modelVersion the model checked
 */
public record HoldoutReport(
    List<Row> rows,
    double holdoutLength,
    double meanAbsoluteErrorPerCustomer,
    double meanAbsoluteErrorPerRow,
    double actualTotal,
    double predictedTotal,
    String modelVersion) {

  public HoldoutReport {
    rows = List.copyOf(rows);
  }

  /**
   * Customers with one calibration frequency.
   *
   * @param label "0", "1", ... or "7+"
   * @param customers number of customers in the row
   * @param meanActual mean actual holdout purchases
   * @param meanPredicted mean predicted holdout purchases
   */
  public record Row(String label, int customers, double meanActual, double meanPredicted) {}
}
