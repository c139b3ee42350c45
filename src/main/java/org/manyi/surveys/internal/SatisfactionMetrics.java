package org.manyi.surveys.internal;

import static org.manyi.shared.Times.toDb;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * NPS, CSAT and CES from the item-level answers, grouped by period, survey and one attribute of the
 * customer (city, stage, owner, value tier, product category, channel), each with its interval and
 * sample size, and optionally weighted. Counts come from the daily rollup ({@link ScoreRollups})
 * plus the answers not yet rolled up, read in one snapshot so an answer is never counted twice or
 * missed. Periods are days in the company's time zone (Asia/Shanghai).
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class SatisfactionMetrics {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int TOP_TWO_BOX = 4;
  private static final String UNKNOWN = "—";
  private static final int PENDING_CHUNK = 500;

  /** The filter of a metrics request; null bounds are open. */
  public record Filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID surveyId) {

    public Filter {
      if (from != null && to != null && to.isBefore(from)) {
        throw ProblemException.invalid("to", "metrics.range");
      }
    }
  }

  /**
   * An NPS row of {@code GET /api/v1/metrics/nps}.
   *
   * @param group the row's label: its period, survey name and attribute value joined by " · "
   * @param period the period label when grouped by a period
   * @param surveyId the survey when grouped by survey
   * @param value the attribute value when grouped by an attribute (city, stage name, owner ID,
   *     value tier, category, channel); null for answers without it (e.g. anonymous)
   * @param weighted the weighted figure with Kish's n_eff, when weights were asked for
   */
  public record NpsRow(
      String group,
      long n,
      long promoters,
      long passives,
      long detractors,
      double nps,
      double ciLow,
      double ciHigh,
      boolean smallSample,
      @Nullable String period,
      @Nullable UUID surveyId,
      @Nullable String value,
      @Nullable WeightedNps weighted) {}

  /** A weighted NPS next to the unweighted one; small when n_eff is below 30. */
  public record WeightedNps(
      double nEff, double nps, double ciLow, double ciHigh, boolean smallSample) {}

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
      boolean smallSample,
      @Nullable String period,
      @Nullable UUID surveyId,
      @Nullable String value,
      @Nullable WeightedCsat weighted) {}

  /** A weighted CSAT: top-2-box share with the Wilson interval on n_eff, and the mean. */
  public record WeightedCsat(
      double nEff,
      double top2Box,
      double ciLow,
      double ciHigh,
      double mean,
      double meanCiLow,
      double meanCiHigh,
      boolean smallSample) {}

  /** A CES row: the mean on the CES 2.0 scale (1–7, higher = easier) with its t interval. */
  public record CesRow(
      String group,
      long n,
      double mean,
      double ciLow,
      double ciHigh,
      boolean smallSample,
      @Nullable String period,
      @Nullable UUID surveyId,
      @Nullable String value,
      @Nullable WeightedMean weighted) {}

  /** A weighted mean with its t interval on n_eff. */
  public record WeightedMean(
      double nEff, double mean, double ciLow, double ciHigh, boolean smallSample) {}

  private final JdbcClient jdbc;
  private final CustomerProfiles profiles;
  private final Users users;

  SatisfactionMetrics(JdbcClient jdbc, CustomerProfiles profiles, Users users) {
    this.jdbc = jdbc;
    this.profiles = profiles;
    this.users = users;
  }

  public List<NpsRow> nps(Filter filter, GroupBy groupBy) {
    return nps(filter, Grouping.of(groupBy), Weighting.NONE);
  }

  /**
   * NPS per group.
   *
   * @throws ProblemException 400 naming {@code weight} when a post-stratification is combined with
   *     a breakdown by another attribute (the rollup keeps one attribute per row)
   */
  public List<NpsRow> nps(Filter filter, Grouping grouping, Weighting weighting) {
    List<NpsRow> rows = new ArrayList<>();
    for (Group g : groups(QuestionType.NPS, filter, grouping, weighting)) {
      Histogram h = g.all;
      Metrics.Nps nps = Metrics.nps(h.between(9, 10), h.between(7, 8), h.between(0, 6));
      WeightedNps weighted = null;
      if (weighting != Weighting.NONE) {
        Histogram w = g.weighted;
        Metrics.Weighted figure =
            Metrics.weightedNps(w.weight(9, 10), w.weight(0, 6), w.weight(0, 10), w.nEff());
        weighted =
            new WeightedNps(
                figure.nEff(),
                figure.value(),
                figure.ciLow(),
                figure.ciHigh(),
                figure.smallSample());
      }
      rows.add(
          new NpsRow(
              g.label,
              nps.n(),
              nps.promoters(),
              nps.passives(),
              nps.detractors(),
              nps.nps(),
              nps.ciLow(),
              nps.ciHigh(),
              nps.smallSample(),
              g.period,
              g.surveyId,
              g.value,
              weighted));
    }
    return rows;
  }

  public Metrics.NpsComparison compare(Filter a, Filter b) {
    return Metrics.compare(total(a), total(b));
  }

  Metrics.Nps total(Filter filter) {
    List<Group> groups = groups(QuestionType.NPS, filter, Grouping.NONE, Weighting.NONE);
    Histogram h = groups.isEmpty() ? new Histogram() : groups.get(0).all;
    return Metrics.nps(h.between(9, 10), h.between(7, 8), h.between(0, 6));
  }

  public List<CsatRow> csat(Filter filter, GroupBy groupBy) {
    return csat(filter, Grouping.of(groupBy), Weighting.NONE);
  }

  public List<CsatRow> csat(Filter filter, Grouping grouping, Weighting weighting) {
    List<CsatRow> rows = new ArrayList<>();
    for (Group g : groups(QuestionType.CSAT, filter, grouping, weighting)) {
      Histogram h = g.all;
      Metrics.Proportion top = Metrics.wilson(h.between(TOP_TWO_BOX, 5), h.n());
      Metrics.Mean mean = Metrics.mean(h.n(), h.sum(), h.sumOfSquares());
      WeightedCsat weighted = null;
      if (weighting != Weighting.NONE) {
        Histogram w = g.weighted;
        Metrics.Weighted share =
            Metrics.weightedShare(w.weight(TOP_TWO_BOX, 5), w.weight(0, 10), w.nEff());
        Metrics.Weighted wm =
            Metrics.weightedMean(w.weightedSum(), w.weightedSquares(), w.weight(0, 10), w.nEff());
        weighted =
            new WeightedCsat(
                share.nEff(),
                share.value(),
                share.ciLow(),
                share.ciHigh(),
                wm.value(),
                wm.ciLow(),
                wm.ciHigh(),
                share.smallSample());
      }
      rows.add(
          new CsatRow(
              g.label,
              h.n(),
              top.percent(),
              top.ciLow(),
              top.ciHigh(),
              mean.mean(),
              mean.ciLow(),
              mean.ciHigh(),
              top.smallSample(),
              g.period,
              g.surveyId,
              g.value,
              weighted));
    }
    return rows;
  }

  public List<CesRow> ces(Filter filter, GroupBy groupBy) {
    return ces(filter, Grouping.of(groupBy), Weighting.NONE);
  }

  public List<CesRow> ces(Filter filter, Grouping grouping, Weighting weighting) {
    List<CesRow> rows = new ArrayList<>();
    for (Group g : groups(QuestionType.CES, filter, grouping, weighting)) {
      Histogram h = g.all;
      Metrics.Mean mean = Metrics.mean(h.n(), h.sum(), h.sumOfSquares());
      WeightedMean weighted = null;
      if (weighting != Weighting.NONE) {
        Histogram w = g.weighted;
        Metrics.Weighted wm =
            Metrics.weightedMean(w.weightedSum(), w.weightedSquares(), w.weight(0, 10), w.nEff());
        weighted =
            new WeightedMean(wm.nEff(), wm.value(), wm.ciLow(), wm.ciHigh(), wm.smallSample());
      }
      rows.add(
          new CesRow(
              g.label,
              h.n(),
              mean.mean(),
              mean.ciLow(),
              mean.ciHigh(),
              mean.smallSample(),
              g.period,
              g.surveyId,
              g.value,
              weighted));
    }
    return rows;
  }

  /** A group of answers: all of them, per stratum when post-stratified, and weighted. */
  static final class Group {
    @Nullable String period;
    @Nullable UUID surveyId;
    @Nullable String value;
    String label = "all";
    final Histogram all = new Histogram();
    final Map<String, Histogram> strata = new TreeMap<>();
    Histogram weighted = all;
  }

  /**
   * The groups of a request in label order: rolled-up counts plus the pending answers, then the
   * weights applied.
   */
  private List<Group> groups(
      QuestionType type, Filter filter, Grouping grouping, Weighting weighting) {
    GroupBy stratum = weighting.stratum();
    if (stratum != null && grouping.attribute() != null && grouping.attribute() != stratum) {
      throw ProblemException.invalid("weight", "metrics.weight.combination");
    }
    String dimension = stratum != null ? stratum.name() : grouping.dimension();
    Map<String, Group> groups = new TreeMap<>();
    readRollup(type, filter, grouping, dimension, stratum, groups);
    readPending(type, filter, grouping, GroupBy.valueOf(dimension), stratum, groups);
    if (stratum != null) {
      Map<String, Long> population = profiles.population(stratum);
      groups.values().forEach(g -> g.weighted = poststratified(g, population));
    }
    label(grouping, groups.values());
    return List.copyOf(groups.values());
  }

  private void readRollup(
      QuestionType type,
      Filter filter,
      Grouping grouping,
      String dimension,
      @Nullable GroupBy stratum,
      Map<String, Group> groups) {
    List<String> keys = new ArrayList<>();
    // months and quarters are summed by the database (a few rows per group instead of one per
    // day); weeks need ISO week numbers, which H2 and PostgreSQL spell differently, so days are
    // summed into weeks here
    GroupBy period = grouping.period();
    boolean calendar = period == GroupBy.MONTH || period == GroupBy.QUARTER;
    // whole months (no bounds, or bounds on month edges) and no daily or weekly grouping: the
    // monthly rollup, with a few rows per month instead of one per day
    boolean monthly =
        (period == null || calendar)
            && (filter.from() == null || filter.from().getDayOfMonth() == 1)
            && (filter.to() == null || filter.to().getDayOfMonth() == filter.to().lengthOfMonth());
    String table = monthly ? "survey_score_monthly" : "survey_score_daily";
    String day = monthly ? "answer_month" : "answer_day";
    if (calendar) {
      keys.add("EXTRACT(YEAR FROM " + day + ")");
      keys.add("EXTRACT(" + (period == GroupBy.MONTH ? "MONTH" : "QUARTER") + " FROM " + day + ")");
    } else if (period != null) {
      keys.add(day);
    }
    if (grouping.survey()) {
      keys.add("survey_id");
    }
    if (!dimension.equals(GroupBy.NONE.name())) {
      keys.add("group_value");
    }
    keys.add("score");
    String columns = String.join(", ", keys);
    List<String> named = new ArrayList<>(keys);
    if (calendar) {
      named.set(0, keys.get(0) + " AS period_year");
      named.set(1, keys.get(1) + " AS period_part");
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(String.join(", ", named))
            .append(
                ", SUM(answers) AS answers, SUM(weight_sum) AS weight_sum, SUM(weight_sq_sum) AS"
                    + " weight_sq_sum FROM ")
            .append(table)
            .append(" WHERE question_type = ? AND dimension = ?");
    List<Object> params = new ArrayList<>(List.of(type.name(), dimension));
    if (filter.from() != null) {
      sql.append(" AND ").append(day).append(" >= ?");
      params.add(filter.from());
    }
    if (filter.to() != null) {
      sql.append(" AND ").append(day).append(" <= ?");
      params.add(filter.to());
    }
    if (filter.surveyId() != null) {
      sql.append(" AND survey_id = ?");
      params.add(filter.surveyId());
    }
    sql.append(" GROUP BY ").append(columns);
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              String label = null;
              if (calendar) {
                int year = rs.getInt("period_year");
                int part = rs.getInt("period_part");
                label =
                    period.label(
                        LocalDate.of(year, period == GroupBy.MONTH ? part : (part - 1) * 3 + 1, 1));
              } else if (period != null) {
                label = period.label(rs.getObject("answer_day", LocalDate.class));
              }
              String periodLabel = label;
              UUID survey = grouping.survey() ? rs.getObject("survey_id", UUID.class) : null;
              String value =
                  dimension.equals(GroupBy.NONE.name()) ? "" : rs.getString("group_value");
              add(
                  groups,
                  grouping,
                  stratum,
                  periodLabel,
                  survey,
                  value,
                  rs.getInt("score"),
                  rs.getLong("answers"),
                  rs.getDouble("weight_sum"),
                  rs.getDouble("weight_sq_sum"));
            });
  }

  /**
   * Answers not yet rolled up, few between two rollup runs. The pending responses are found first
   * by their own index, then their answers by primary key: a planner starting from a survey's
   * answers instead (H2 does) would read all of them.
   */
  private void readPending(
      QuestionType type,
      Filter filter,
      Grouping grouping,
      GroupBy dimension,
      @Nullable GroupBy stratum,
      Map<String, Group> groups) {
    List<UUID> pending =
        jdbc.sql("SELECT id FROM survey_response WHERE rolled_up = FALSE").query(UUID.class).list();
    for (int start = 0; start < pending.size(); start += PENDING_CHUNK) {
      List<UUID> chunk = pending.subList(start, Math.min(pending.size(), start + PENDING_CHUNK));
      StringBuilder sql =
          new StringBuilder("SELECT ")
              .append(ScoreRollups.ANSWER_COLUMNS)
              .append(
                  " FROM survey_response r JOIN survey_answer a ON a.response_id = r.id WHERE"
                      + " r.id IN (")
              .append(String.join(",", java.util.Collections.nCopies(chunk.size(), "?")))
              .append(") AND r.rolled_up = FALSE AND a.question_type = ? AND a.score IS NOT NULL");
      List<Object> params = new ArrayList<>(chunk);
      params.add(type.name());
      if (filter.from() != null) {
        sql.append(" AND a.submitted_at >= ?");
        params.add(toDb(filter.from().atStartOfDay(ZONE).toInstant()));
      }
      if (filter.to() != null) {
        sql.append(" AND a.submitted_at < ?");
        params.add(toDb(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
      }
      if (filter.surveyId() != null) {
        sql.append(" AND r.survey_id = ?");
        params.add(filter.surveyId());
      }
      jdbc.sql(sql.toString())
          .params(params)
          .query(
              rs -> {
                ScoreRollups.Answer a = ScoreRollups.answer(rs);
                add(
                    groups,
                    grouping,
                    stratum,
                    grouping.period() == null ? null : grouping.period().label(a.day()),
                    grouping.survey() ? a.surveyId() : null,
                    a.value(dimension),
                    a.score(),
                    1,
                    a.weight(),
                    a.weight() * a.weight());
              });
    }
  }

  private static void add(
      Map<String, Group> groups,
      Grouping grouping,
      @Nullable GroupBy stratum,
      @Nullable String period,
      @Nullable UUID survey,
      String dimensionValue,
      int score,
      long answers,
      double weightSum,
      double weightSquareSum) {
    // with a post-stratification the dimension read is the stratum; the row's own attribute is
    // then either absent or the stratum itself
    String value = grouping.attribute() == null ? null : dimensionValue;
    String key =
        (period == null ? "" : period)
            + '\u0000'
            + (survey == null ? "" : survey.toString())
            + '\u0000'
            + (value == null ? "" : value);
    Group g = groups.computeIfAbsent(key, k -> new Group());
    g.period = period;
    g.surveyId = survey;
    g.value = value == null || value.isEmpty() ? null : value;
    g.all.add(score, answers, weightSum, weightSquareSum);
    if (stratum != null) {
      g.strata.computeIfAbsent(dimensionValue, s -> new Histogram()).add(score, answers, 0, 0);
    }
  }

  /**
   * Post-stratification: each stratum's answers together weigh its share of the customer base,
   * renormalised over the strata the group has answers from (a stratum without answers cannot be
   * represented; answers from a stratum the base does not have, such as anonymous ones, weigh
   * nothing). Weights are scaled so they sum to the answers they cover.
   */
  static Histogram poststratified(Group g, Map<String, Long> population) {
    double coveredShare = 0;
    long covered = 0;
    for (Map.Entry<String, Histogram> e : g.strata.entrySet()) {
      long size = population.getOrDefault(e.getKey(), 0L);
      if (size > 0 && e.getValue().n() > 0) {
        coveredShare += size;
        covered += e.getValue().n();
      }
    }
    Histogram weighted = new Histogram();
    if (covered == 0) {
      return weighted;
    }
    for (Map.Entry<String, Histogram> e : g.strata.entrySet()) {
      long size = population.getOrDefault(e.getKey(), 0L);
      Histogram h = e.getValue();
      if (size == 0 || h.n() == 0) {
        continue;
      }
      double weight = (size / coveredShare) * covered / h.n();
      for (int s = 0; s < h.counts.length; s++) {
        if (h.counts[s] > 0) {
          weighted.add(s, 0, weight * h.counts[s], weight * weight * h.counts[s]);
        }
      }
    }
    return weighted;
  }

  private void label(Grouping grouping, java.util.Collection<Group> groups) {
    Map<UUID, String> surveyNames = new HashMap<>();
    if (grouping.survey()) {
      jdbc.sql("SELECT id, name FROM survey")
          .query(
              rs -> {
                surveyNames.put(rs.getObject("id", UUID.class), rs.getString("name"));
              });
    }
    Map<String, String> owners = new HashMap<>();
    for (Group g : groups) {
      List<String> parts = new ArrayList<>();
      if (g.period != null) {
        parts.add(g.period);
      }
      if (g.surveyId != null) {
        parts.add(surveyNames.getOrDefault(g.surveyId, g.surveyId.toString()));
      }
      if (grouping.attribute() != null) {
        parts.add(
            g.value == null
                ? UNKNOWN
                : grouping.attribute() == GroupBy.OWNER
                    ? owners.computeIfAbsent(g.value, this::ownerName)
                    : g.value);
      }
      g.label = parts.isEmpty() ? "all" : String.join(" · ", parts);
    }
  }

  private String ownerName(String id) {
    try {
      return users.find(new UserId(UUID.fromString(id))).map(UserSummary::displayName).orElse(id);
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  /**
   * Counts of each score (0–10 covers every scored type), with the sums of the answers' weights and
   * squared weights per score.
   */
  static final class Histogram {
    private final long[] counts = new long[11];
    private final double[] weights = new double[11];
    private final double[] squares = new double[11];

    void add(int score) {
      add(score, 1, 1, 1);
    }

    void add(int score, long n, double weightSum, double weightSquareSum) {
      counts[score] += n;
      weights[score] += weightSum;
      squares[score] += weightSquareSum;
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

    double weight(int low, int high) {
      double total = 0;
      for (int s = low; s <= high; s++) {
        total += weights[s];
      }
      return total;
    }

    double weightedSum() {
      double total = 0;
      for (int s = 0; s < weights.length; s++) {
        total += s * weights[s];
      }
      return total;
    }

    double weightedSquares() {
      double total = 0;
      for (int s = 0; s < weights.length; s++) {
        total += (double) s * s * weights[s];
      }
      return total;
    }

    /** Kish's effective sample size of the weights. */
    double nEff() {
      double square = 0;
      for (double q : squares) {
        square += q;
      }
      return Metrics.kish(weight(0, 10), square);
    }
  }
}
