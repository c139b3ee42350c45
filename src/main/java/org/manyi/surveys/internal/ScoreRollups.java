package org.manyi.surveys.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily rollup of scored answers (NPS, CSAT, CES), kept incrementally: responses are written
 * with {@code rolled_up = FALSE}, and a run adds a batch of them to the per-day counts of every
 * breakdown dimension and marks them rolled up, in one transaction. A row lock serialises runs
 * across instances. Metrics add the few answers not yet rolled up from the raw rows, so they are
 * exact at any moment.
 */
@Service
public class ScoreRollups {

  /** Question types the rollup counts. */
  static final List<String> TYPES = List.of("NPS", "CSAT", "CES");

  /** The rollup's dimensions: NONE plus every attribute. */
  static final List<GroupBy> DIMENSIONS;

  static {
    List<GroupBy> dimensions = new ArrayList<>();
    dimensions.add(GroupBy.NONE);
    dimensions.addAll(List.of(GroupBy.attributes()));
    DIMENSIONS = List.copyOf(dimensions);
  }

  /** The columns {@link #answer} reads, from {@code survey_answer a JOIN survey_response r}. */
  static final String ANSWER_COLUMNS =
      "a.survey_id, a.submitted_at, a.question_type, a.score, r.channel, r.city, r.stage,"
          + " r.owner_id, r.value_tier, r.category, r.spend";

  private static final int BATCH = 5000;
  private static final int CHUNK = 500;

  /** A scored answer with what the breakdowns and value weights need. */
  record Answer(
      UUID surveyId,
      Instant at,
      String type,
      int score,
      String channel,
      @Nullable String city,
      @Nullable String stage,
      @Nullable UUID ownerId,
      @Nullable String valueTier,
      @Nullable String category,
      double weight) {

    LocalDate day() {
      return at.atZone(SatisfactionMetrics.ZONE).toLocalDate();
    }

    /** The answer's group in a dimension; the empty string when unknown (e.g. anonymous). */
    String value(GroupBy dimension) {
      String value =
          switch (dimension) {
            case CHANNEL -> channel;
            case CITY -> city;
            case STAGE -> stage;
            case OWNER -> ownerId == null ? null : ownerId.toString();
            case VALUE_TIER -> valueTier;
            case CATEGORY -> category;
            default -> "";
          };
      return value == null ? "" : value;
    }
  }

  static Answer answer(ResultSet rs) throws SQLException {
    java.math.BigDecimal spend = rs.getBigDecimal("spend");
    return new Answer(
        rs.getObject("survey_id", UUID.class),
        rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
        rs.getString("question_type"),
        rs.getInt("score"),
        rs.getString("channel"),
        rs.getString("city"),
        rs.getString("stage"),
        rs.getObject("owner_id", UUID.class),
        rs.getString("value_tier"),
        rs.getString("category"),
        spend == null ? 0 : Math.max(0, spend.doubleValue()));
  }

  private record Key(
      String type, String dimension, LocalDate day, UUID surveyId, String value, int score) {}

  private static final class Delta {
    long answers;
    double weightSum;
    double weightSquareSum;

    void add(double weight) {
      answers++;
      weightSum += weight;
      weightSquareSum += weight * weight;
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate transactions;
  private final boolean scheduled;
  private final long rebuildFrom;

  ScoreRollups(
      JdbcClient jdbc,
      JdbcTemplate template,
      TransactionTemplate transactions,
      @Value("${manyi.surveys.rollup.enabled:true}") boolean scheduled,
      @Value("${manyi.surveys.rollup.rebuild-from:50000}") long rebuildFrom) {
    this.rebuildFrom = rebuildFrom;
    this.jdbc = jdbc;
    this.template = template;
    this.transactions = transactions;
    this.scheduled = scheduled;
  }

  @Scheduled(
      fixedDelayString = "${manyi.surveys.rollup.delay:10s}",
      initialDelayString = "${manyi.surveys.rollup.delay:10s}")
  void scheduledRun() {
    if (scheduled) {
      rollUpAll();
    }
  }

  /**
   * Rolls up every pending response, a batch per transaction; returns how many. After a large
   * import (at least {@code manyi.surveys.rollup.rebuild-from} pending responses, 50,000 by
   * default) the rollup is rebuilt by the database in one pass instead, which costs the same for
   * any number of pending responses.
   */
  public long rollUpAll() {
    long pending =
        jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE rolled_up = FALSE")
            .query(Long.class)
            .single();
    if (pending >= rebuildFrom) {
      return rebuild();
    }
    long total = 0;
    int done;
    do {
      done = rollUp(BATCH);
      total += done;
    } while (done == BATCH);
    return total;
  }

  /**
   * Recomputes the whole rollup from the answers, one grouped insert per dimension, in one
   * transaction; returns how many responses were pending. Responses are marked first and only
   * marked ones are counted, so a response arriving meanwhile stays pending for the next run.
   */
  public long rebuild() {
    Long done =
        transactions.execute(
            status -> {
              lock();
              long marked =
                  jdbc.sql("UPDATE survey_response SET rolled_up = TRUE WHERE rolled_up = FALSE")
                      .update();
              jdbc.sql("DELETE FROM survey_score_daily").update();
              for (GroupBy dimension : DIMENSIONS) {
                String value =
                    switch (dimension) {
                      case CHANNEL -> "r.channel";
                      case CITY -> "COALESCE(r.city, '')";
                      case STAGE -> "COALESCE(r.stage, '')";
                      case OWNER -> "COALESCE(CAST(r.owner_id AS VARCHAR(36)), '')";
                      case VALUE_TIER -> "COALESCE(r.value_tier, '')";
                      case CATEGORY -> "COALESCE(r.category, '')";
                      default -> "''";
                    };
                // the company's day of the answer, as Answer.day() computes it
                String day = "CAST(a.submitted_at AT TIME ZONE 'Asia/Shanghai' AS DATE)";
                String weight =
                    "CAST(CASE WHEN r.spend > 0 THEN r.spend ELSE 0 END AS DOUBLE PRECISION)";
                jdbc.sql(
                        "INSERT INTO survey_score_daily (question_type, dimension, answer_day,"
                            + " survey_id, group_value, score, answers, weight_sum, weight_sq_sum)"
                            + " SELECT a.question_type, '"
                            + dimension.name()
                            + "', "
                            + day
                            + ", a.survey_id, "
                            + value
                            + ", a.score, COUNT(*), SUM("
                            + weight
                            + "), SUM("
                            + weight
                            + " * "
                            + weight
                            + ") FROM survey_response r JOIN survey_answer a ON a.response_id ="
                            + " r.id WHERE r.rolled_up = TRUE AND a.question_type IN ('NPS',"
                            + " 'CSAT', 'CES') AND a.score IS NOT NULL GROUP BY a.question_type, "
                            + day
                            + ", a.survey_id, "
                            // PostgreSQL refuses a constant in GROUP BY
                            + (dimension == GroupBy.NONE ? "" : value + ", ")
                            + "a.score")
                    .update();
              }
              jdbc.sql("DELETE FROM survey_score_monthly").update();
              jdbc.sql(
                      "INSERT INTO survey_score_monthly (question_type, dimension, answer_month,"
                          + " survey_id, group_value, score, answers, weight_sum, weight_sq_sum)"
                          + " SELECT question_type, dimension, CAST(DATE_TRUNC('MONTH', answer_day)"
                          + " AS DATE), survey_id, group_value, score, SUM(answers),"
                          + " SUM(weight_sum), SUM(weight_sq_sum) FROM survey_score_daily GROUP BY"
                          + " question_type, dimension, CAST(DATE_TRUNC('MONTH', answer_day) AS"
                          + " DATE), survey_id, group_value, score")
                  .update();
              return marked;
            });
    return done == null ? 0 : done;
  }

  private void lock() {
    jdbc.sql("SELECT name FROM survey_rollup_lock WHERE name = 'daily' FOR UPDATE")
        .query(String.class)
        .list();
  }

  /** Rolls up at most {@code batch} pending responses in one transaction; returns how many. */
  public int rollUp(int batch) {
    Integer done = transactions.execute(status -> rollUpBatch(batch));
    return done == null ? 0 : done;
  }

  private int rollUpBatch(int batch) {
    lock();
    List<UUID> ids =
        jdbc.sql("SELECT id FROM survey_response WHERE rolled_up = FALSE LIMIT ?")
            .param(batch)
            .query(UUID.class)
            .list();
    if (ids.isEmpty()) {
      return 0;
    }
    Map<Key, Delta> deltas = new HashMap<>();
    Map<Key, Delta> monthlyDeltas = new HashMap<>();
    for (int start = 0; start < ids.size(); start += CHUNK) {
      List<UUID> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      jdbc.sql(
              "SELECT "
                  + ANSWER_COLUMNS
                  + " FROM survey_response r JOIN survey_answer a ON a.response_id = r.id"
                  + " WHERE r.id IN ("
                  + marks
                  + ") AND a.question_type IN ('NPS', 'CSAT', 'CES') AND a.score IS NOT NULL")
          .params(new ArrayList<Object>(chunk))
          .query(
              rs -> {
                Answer a = answer(rs);
                LocalDate day = a.day();
                LocalDate month = day.withDayOfMonth(1);
                for (GroupBy dimension : DIMENSIONS) {
                  String value = a.value(dimension);
                  Key daily =
                      new Key(a.type(), dimension.name(), day, a.surveyId(), value, a.score());
                  Key monthly =
                      new Key(a.type(), dimension.name(), month, a.surveyId(), value, a.score());
                  deltas.computeIfAbsent(daily, k -> new Delta()).add(a.weight());
                  monthlyDeltas.computeIfAbsent(monthly, k -> new Delta()).add(a.weight());
                }
              });
      jdbc.sql("UPDATE survey_response SET rolled_up = TRUE WHERE id IN (" + marks + ")")
          .params(new ArrayList<Object>(chunk))
          .update();
    }
    apply("survey_score_daily", "answer_day", deltas);
    apply("survey_score_monthly", "answer_month", monthlyDeltas);
    return ids.size();
  }

  private void apply(String table, String dayColumn, Map<Key, Delta> deltas) {
    List<Map.Entry<Key, Delta>> entries = new ArrayList<>(deltas.entrySet());
    List<Object[]> updates = new ArrayList<>(entries.size());
    for (Map.Entry<Key, Delta> e : entries) {
      Key k = e.getKey();
      Delta d = e.getValue();
      updates.add(
          new Object[] {
            d.answers,
            d.weightSum,
            d.weightSquareSum,
            k.type(),
            k.dimension(),
            k.day(),
            k.surveyId(),
            k.value(),
            k.score()
          });
    }
    int[] updated =
        template.batchUpdate(
            "UPDATE "
                + table
                + " SET answers = answers + ?, weight_sum = weight_sum + ?, weight_sq_sum ="
                + " weight_sq_sum + ? WHERE question_type = ? AND dimension = ? AND "
                + dayColumn
                + " = ? AND survey_id = ? AND group_value = ? AND score = ?",
            updates);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (updated[i] == 0) {
        Key k = entries.get(i).getKey();
        Delta d = entries.get(i).getValue();
        inserts.add(
            new Object[] {
              k.type(),
              k.dimension(),
              k.day(),
              k.surveyId(),
              k.value(),
              k.score(),
              d.answers,
              d.weightSum,
              d.weightSquareSum
            });
      }
    }
    if (!inserts.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO "
              + table
              + " (question_type, dimension, "
              + dayColumn
              + ", survey_id, group_value, score, answers, weight_sum, weight_sq_sum) VALUES (?,"
              + " ?, ?, ?, ?, ?, ?, ?, ?)",
          inserts);
    }
  }
}
