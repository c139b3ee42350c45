package org.manyi.value.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseCounts;
import org.manyi.customers.CustomerId;
import org.manyi.interactions.InteractionCounts;
import org.manyi.surveys.CustomerSatisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each RFM segment of the latest run brings and costs, in one table: revenue and orders of the
 * RFM window, service contacts (cases and logged interactions, all time) per customer, satisfaction
 * of the customers who answered a survey, and the churn risk as the open churn warnings. Margin is
 * absent: orders carry no cost price yet.
 */
@Service
public class SegmentProfitability {

  /**
   * One segment's row.
   *
   * @param margin revenue minus cost of goods; absent while costs are unknown
   * @param satisfaction mean survey score on 0–100 of the segment's respondents; absent when none
   * @param atRisk customers with an open churn warning
   */
  public record Row(
      RfmSegment segment,
      long customers,
      BigDecimal revenue,
      double revenueShare,
      BigDecimal revenuePerCustomer,
      long orders,
      double ordersPerCustomer,
      @Nullable BigDecimal margin,
      long cases,
      long interactions,
      double serviceContactsPerCustomer,
      @Nullable Double satisfaction,
      long satisfactionRespondents,
      long atRisk,
      double atRiskShare,
      BigDecimal valueAtRisk) {}

  private final JdbcClient jdbc;
  private final CaseCounts cases;
  private final InteractionCounts interactions;
  private final CustomerSatisfaction satisfaction;

  SegmentProfitability(
      JdbcClient jdbc,
      CaseCounts cases,
      InteractionCounts interactions,
      CustomerSatisfaction satisfaction) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.interactions = interactions;
    this.satisfaction = satisfaction;
  }

  /** Every segment of the latest RFM run in the segments' order, empty ones included. */
  public List<Row> rows() {
    Map<CustomerId, Long> caseCounts = cases.perCustomer();
    Map<CustomerId, Long> interactionCounts = interactions.perCustomer();
    Map<CustomerId, Double> scores = satisfaction.scores();
    Map<RfmSegment, Totals> totals = new HashMap<>();
    for (RfmSegment s : RfmSegment.values()) {
      totals.put(s, new Totals());
    }
    jdbc.sql(
            "SELECT s.customer_id, s.segment, s.frequency, s.monetary, w.value_at_risk FROM"
                + " rfm_score s LEFT JOIN churn_warning w ON w.customer_id = s.customer_id AND"
                + " w.closed_at IS NULL")
        .query(
            rs -> {
              CustomerId customer = new CustomerId(rs.getObject("customer_id", UUID.class));
              Totals t = totals.get(RfmSegment.valueOf(rs.getString("segment")));
              t.customers++;
              t.orders += rs.getLong("frequency");
              t.revenue = t.revenue.add(rs.getBigDecimal("monetary"));
              t.cases += caseCounts.getOrDefault(customer, 0L);
              t.interactions += interactionCounts.getOrDefault(customer, 0L);
              Double score = scores.get(customer);
              if (score != null) {
                t.satisfactionSum += score;
                t.respondents++;
              }
              BigDecimal atRisk = rs.getBigDecimal("value_at_risk");
              if (atRisk != null) {
                t.atRisk++;
                t.valueAtRisk = t.valueAtRisk.add(atRisk);
              }
            });
    BigDecimal revenue =
        totals.values().stream().map(t -> t.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Row> rows = new ArrayList<>();
    for (RfmSegment segment : RfmSegment.values()) {
      Totals t = totals.get(segment);
      long n = t.customers;
      rows.add(
          new Row(
              segment,
              n,
              t.revenue,
              revenue.signum() == 0
                  ? 0
                  : t.revenue.divide(revenue, 6, RoundingMode.HALF_UP).doubleValue(),
              n == 0
                  ? BigDecimal.ZERO
                  : t.revenue.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP),
              t.orders,
              n == 0 ? 0 : (double) t.orders / n,
              null,
              t.cases,
              t.interactions,
              n == 0 ? 0 : (double) (t.cases + t.interactions) / n,
              t.respondents == 0 ? null : t.satisfactionSum / t.respondents,
              t.respondents,
              t.atRisk,
              n == 0 ? 0 : (double) t.atRisk / n,
              t.valueAtRisk));
    }
    return rows;
  }

  private static final class Totals {
    long customers;
    long orders;
    BigDecimal revenue = BigDecimal.ZERO;
    long cases;
    long interactions;
    double satisfactionSum;
    long respondents;
    long atRisk;
    BigDecimal valueAtRisk = BigDecimal.ZERO;
  }
}
