package org.manyi.surveys.internal;

import static org.manyi.shared.Times.toDb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NPS, CSAT and CES from the item-level answers, grouped by period or survey, each with its
 * interval and sample size. Periods are days in the company's time zone (Asia/Shanghai).
 */
@Service
@Transactional(readOnly = true)
public class SatisfactionMetrics {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int TOP_TWO_BOX = 4;

  /** The filter of a metrics request; null bounds are open. */
  public record Filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID surveyId) {

    public Filter {
      if (from != null && to != null && to.isBefore(from)) {
        throw ProblemException.invalid("to", "metrics.range");
      }
    }
  }

  /** An NPS row of {@code GET /api/v1/metrics/nps}. */
  public record NpsRow(
      String group,
      long n,
      long promoters,
      long passives,
      long detractors,
      double nps,
      double ciLow,
      double ciHigh,
      boolean smallSample) {}

  /** A CSAT row: top-2-box share (4–5) with its Wilson interval, and the mean. */
  public record CsatRow(
      String group,
      long n,
      double top2Box,
      double ciLow,
      double ciHigh,
      double mean,
      double meanCiLow,
      double meanCiHigh,
      boolean smallSample) {}

  /** A CES row: the mean on the CES 2.0 scale (1–7, higher = easier) with its t interval. */
  public record CesRow(
      String group, long n, double mean, double ciLow, double ciHigh, boolean smallSample) {}

  private final JdbcClient jdbc;

  SatisfactionMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<NpsRow> nps(Filter filter, GroupBy groupBy) {
    List<NpsRow> rows = new ArrayList<>();
    histograms(QuestionType.NPS, filter, groupBy)
        .forEach(
            (group, h) -> {
              Metrics.Nps nps = Metrics.nps(h.between(9, 10), h.between(7, 8), h.between(0, 6));
              rows.add(
                  new NpsRow(
                      group,
                      nps.n(),
                      nps.promoters(),
                      nps.passives(),
                      nps.detractors(),
                      nps.nps(),
                      nps.ciLow(),
                      nps.ciHigh(),
                      nps.smallSample()));
            });
    return rows;
  }

  public Metrics.NpsComparison compare(Filter a, Filter b) {
    return Metrics.compare(total(a), total(b));
  }

  Metrics.Nps total(Filter filter) {
    Histogram h =
        histograms(QuestionType.NPS, filter, GroupBy.NONE).getOrDefault("all", new Histogram());
    return Metrics.nps(h.between(9, 10), h.between(7, 8), h.between(0, 6));
  }

  public List<CsatRow> csat(Filter filter, GroupBy groupBy) {
    List<CsatRow> rows = new ArrayList<>();
    histograms(QuestionType.CSAT, filter, groupBy)
        .forEach(
            (group, h) -> {
              Metrics.Proportion top = Metrics.wilson(h.between(TOP_TWO_BOX, 5), h.n());
              Metrics.Mean mean = Metrics.mean(h.n(), h.sum(), h.sumOfSquares());
              rows.add(
                  new CsatRow(
                      group,
                      h.n(),
                      top.percent(),
                      top.ciLow(),
                      top.ciHigh(),
                      mean.mean(),
                      mean.ciLow(),
                      mean.ciHigh(),
                      top.smallSample()));
            });
    return rows;
  }

  public List<CesRow> ces(Filter filter, GroupBy groupBy) {
    List<CesRow> rows = new ArrayList<>();
    histograms(QuestionType.CES, filter, groupBy)
        .forEach(
            (group, h) -> {
              Metrics.Mean mean = Metrics.mean(h.n(), h.sum(), h.sumOfSquares());
              rows.add(
                  new CesRow(
                      group, h.n(), mean.mean(), mean.ciLow(), mean.ciHigh(), mean.smallSample()));
            });
    return rows;
  }

  /** Counts of each score per group, read in one pass over the matching answers. */
  private Map<String, Histogram> histograms(QuestionType type, Filter filter, GroupBy groupBy) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.score, a.submitted_at, s.name AS survey_name FROM survey_answer a JOIN survey"
                + " s ON s.id = a.survey_id WHERE a.question_type = ? AND a.score IS NOT NULL");
    List<Object> params = new ArrayList<>(List.of(type.name()));
    if (filter.from() != null) {
      sql.append(" AND a.submitted_at >= ?");
      params.add(toDb(filter.from().atStartOfDay(ZONE).toInstant()));
    }
    if (filter.to() != null) {
      sql.append(" AND a.submitted_at < ?");
      params.add(toDb(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
    }
    if (filter.surveyId() != null) {
      sql.append(" AND a.survey_id = ?");
      params.add(filter.surveyId());
    }
    Map<String, Histogram> groups = new TreeMap<>();
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              Instant at = rs.getObject("submitted_at", OffsetDateTime.class).toInstant();
              String group =
                  groupBy == GroupBy.SURVEY
                      ? rs.getString("survey_name")
                      : groupBy.label(at.atZone(ZONE).toLocalDate());
              groups.computeIfAbsent(group, g -> new Histogram()).add(rs.getInt("score"));
            });
    return groups;
  }

  /** How many answers gave each score (0–10 covers every scored type). */
  static final class Histogram {
    private final long[] counts = new long[11];

    void add(int score) {
      counts[score]++;
    }

    long between(int low, int high) {
      long total = 0;
      for (int s = low; s <= high; s++) {
        total += counts[s];
      }
      return total;
    }

    long n() {
      return between(0, 10);
    }

    double sum() {
      double total = 0;
      for (int s = 0; s < counts.length; s++) {
        total += (double) s * counts[s];
      }
      return total;
    }

    double sumOfSquares() {
      double total = 0;
      for (int s = 0; s < counts.length; s++) {
        total += (double) s * s * counts[s];
      }
      return total;
    }
  }
}
