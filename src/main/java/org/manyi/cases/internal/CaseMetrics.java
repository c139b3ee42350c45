package org.manyi.cases.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service metrics over the cases received in a period, within the caller's scope: volumes by type,
 * category and channel, elapsed times to acknowledge, first respond and resolve (median and 90th
 * percentile), compliance with each deadline, the loop-closure rate of survey recovery cases and
 * Pareto breakdowns of categories and root causes. Periods are whole days in the calendar's zone.
 */
@Service
public class CaseMetrics {

  /** The share of all cases the "vital few" of a Pareto chart account for. */
  static final double PARETO_CUT = 0.8;

  /** Elapsed times of one step, in minutes. */
  public record Durations(
      long count, @Nullable Double medianMinutes, @Nullable Double p90Minutes) {}

  /**
   * How often a deadline was met.
   *
   * @param decided cases whose deadline was met, or passed unmet (open ones not yet due are left
   *     out)
   * @param rate met / decided, absent when nothing is decided
   */
  public record Compliance(long decided, long met, @Nullable Double rate) {

    static Compliance of(long decided, long met) {
      return new Compliance(decided, met, decided == 0 ? null : (double) met / decided);
    }
  }

  /** One bar of a Pareto chart; {@code vitalFew} bars together make up the first 80%. */
  public record ParetoBar(
      String key,
      String name,
      long count,
      double share,
      double cumulativeShare,
      boolean vitalFew) {}

  /** What a Pareto chart breaks cases down by. */
  public enum ParetoBy {
    /** The assessed category (unassessed cases are left out). */
    CATEGORY,
    /** The root cause recorded on closure (cases without one are left out). */
    ROOT_CAUSE
  }

  /**
   * The metrics of a period.
   *
   * @param slaCompliance met deadlines / decided deadlines, the three kinds together
   * @param loopClosure survey recovery cases whose customer was contacted (first response) within
   *     the deadline
   * @param reactionRate closed cases where the customer answered (accepted or rejected), as opposed
   *     to closed after no reply
   */
  public record Summary(
      LocalDate from,
      LocalDate to,
      long total,
      long open,
      long closed,
      Map<CaseType, Long> byType,
      Map<CaseChannel, Long> byChannel,
      List<ParetoBar> byCategory,
      Durations timeToAcknowledge,
      Durations timeToFirstResponse,
      Durations timeToResolve,
      Map<Deadline, Compliance> deadlines,
      @Nullable Double slaCompliance,
      long recoveryCases,
      Compliance loopClosure,
      @Nullable Double reactionRate) {}

  private record Row(
      CaseType type,
      CaseChannel channel,
      @Nullable String category,
      @Nullable String rootCause,
      CaseStatus status,
      @Nullable Reaction reaction,
      Instant receivedAt,
      @Nullable Instant acknowledgedAt,
      @Nullable Instant firstResponseAt,
      @Nullable Instant closedAt,
      Instant acknowledgeDue,
      Instant responseDue,
      Instant resolutionDue,
      boolean paused) {}

  private final JdbcClient jdbc;
  private final CaseManagement cases;
  private final CaseCategories categories;
  private final WorkingCalendars calendars;

  CaseMetrics(
      JdbcClient jdbc,
      CaseManagement cases,
      CaseCategories categories,
      WorkingCalendars calendars) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.categories = categories;
    this.calendars = calendars;
  }

  /** The company's time zone, in which periods are whole days. */
  public ZoneId zone() {
    return calendars.hours().zone();
  }

  /** The metrics of the cases received from {@code from} to {@code to}, both days included. */
  @Transactional(readOnly = true)
  public Summary summary(LocalDate from, LocalDate to, CurrentUser me, Locale locale) {
    List<Row> rows = rows(from, to, me);
    Instant now = cases.now();
    Map<CaseType, Long> byType = new EnumMap<>(CaseType.class);
    Map<CaseChannel, Long> byChannel = new EnumMap<>(CaseChannel.class);
    List<Long> ack = new ArrayList<>();
    List<Long> response = new ArrayList<>();
    List<Long> resolve = new ArrayList<>();
    long[] decided = new long[Deadline.values().length];
    long[] met = new long[Deadline.values().length];
    long closed = 0;
    long answered = 0;
    long recovery = 0;
    long recoveryDecided = 0;
    long recoveryMet = 0;
    for (Row r : rows) {
      byType.merge(r.type(), 1L, Long::sum);
      byChannel.merge(r.channel(), 1L, Long::sum);
      minutes(r.receivedAt(), r.acknowledgedAt(), ack);
      minutes(r.receivedAt(), r.firstResponseAt(), response);
      minutes(r.receivedAt(), r.closedAt(), resolve);
      judge(Deadline.ACKNOWLEDGE, r.acknowledgedAt(), r.acknowledgeDue(), true, now, decided, met);
      judge(Deadline.RESPONSE, r.firstResponseAt(), r.responseDue(), true, now, decided, met);
      judge(Deadline.RESOLUTION, r.closedAt(), r.resolutionDue(), !r.paused(), now, decided, met);
      if (r.status() == CaseStatus.CLOSED) {
        closed++;
        if (r.reaction() == Reaction.ACCEPTED || r.reaction() == Reaction.REJECTED) {
          answered++;
        }
      }
      if (r.type() == CaseType.RECOVERY) {
        recovery++;
        if (r.firstResponseAt() != null || now.isAfter(r.responseDue())) {
          recoveryDecided++;
          if (r.firstResponseAt() != null && !r.firstResponseAt().isAfter(r.responseDue())) {
            recoveryMet++;
          }
        }
      }
    }
    Map<Deadline, Compliance> deadlines = new EnumMap<>(Deadline.class);
    long allDecided = 0;
    long allMet = 0;
    for (Deadline d : Deadline.values()) {
      deadlines.put(d, Compliance.of(decided[d.ordinal()], met[d.ordinal()]));
      allDecided += decided[d.ordinal()];
      allMet += met[d.ordinal()];
    }
    return new Summary(
        from,
        to,
        rows.size(),
        rows.size() - closed,
        closed,
        byType,
        byChannel,
        pareto(rows, Row::category, code -> categories.name(code, locale)),
        durations(ack),
        durations(response),
        durations(resolve),
        deadlines,
        allDecided == 0 ? null : (double) allMet / allDecided,
        recovery,
        Compliance.of(recoveryDecided, recoveryMet),
        closed == 0 ? null : (double) answered / closed);
  }

  /** The Pareto breakdown of the period's cases, largest first. */
  @Transactional(readOnly = true)
  public List<ParetoBar> pareto(
      LocalDate from, LocalDate to, ParetoBy by, CurrentUser me, Locale locale) {
    List<Row> rows = rows(from, to, me);
    return by == ParetoBy.CATEGORY
        ? pareto(rows, Row::category, code -> categories.name(code, locale))
        : pareto(rows, Row::rootCause, code -> code);
  }

  /**
   * Bars from the counts of each key, largest first (ties by key); a bar belongs to the vital few
   * while the bars before it make up less than 80%.
   */
  static <T> List<ParetoBar> pareto(
      List<T> rows, Function<T, @Nullable String> key, Function<String, String> name) {
    Map<String, Long> counts = new TreeMap<>();
    for (T r : rows) {
      String k = key.apply(r);
      if (k != null) {
        counts.merge(k, 1L, Long::sum);
      }
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    List<ParetoBar> bars = new ArrayList<>();
    long running = 0;
    for (Map.Entry<String, Long> e : sorted) {
      boolean vital = running < PARETO_CUT * total;
      running += e.getValue();
      bars.add(
          new ParetoBar(
              e.getKey(),
              name.apply(e.getKey()),
              e.getValue(),
              (double) e.getValue() / total,
              (double) running / total,
              vital));
    }
    return bars;
  }

  /** Median and 90th percentile (nearest rank) of minutes; absent for no values. */
  static Durations durations(List<Long> minutes) {
    if (minutes.isEmpty()) {
      return new Durations(0, null, null);
    }
    List<Long> sorted = new ArrayList<>(minutes);
    sorted.sort(null);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    int rank = (int) Math.ceil(0.9 * n);
    return new Durations(n, median, (double) sorted.get(rank - 1));
  }

  private static void minutes(Instant from, @Nullable Instant to, List<Long> into) {
    if (to != null) {
      into.add(Duration.between(from, to).toMinutes());
    }
  }

  private static void judge(
      Deadline d,
      @Nullable Instant metAt,
      Instant due,
      boolean running,
      Instant now,
      long[] decided,
      long[] met) {
    if (metAt != null) {
      decided[d.ordinal()]++;
      if (!metAt.isAfter(due)) {
        met[d.ordinal()]++;
      }
    } else if (running && now.isAfter(due)) {
      decided[d.ordinal()]++;
    }
  }

  private List<Row> rows(LocalDate from, LocalDate to, CurrentUser me) {
    if (to.isBefore(from)) {
      throw ProblemException.invalid("to", "case.metrics.period.invalid");
    }
    if (from.plusYears(5).isBefore(to)) {
      throw ProblemException.invalid("from", "case.metrics.period.tooLong");
    }
    ZoneId zone = zone();
    List<Object> params = new ArrayList<>();
    String scope = cases.scope(me, params);
    params.add(toDb(from.atStartOfDay(zone).toInstant()));
    params.add(toDb(to.plusDays(1).atStartOfDay(zone).toInstant()));
    return jdbc.sql(
            "SELECT c.type, c.channel, c.category, c.root_cause, c.status, c.reaction,"
                + " c.received_at, c.acknowledged_at, c.first_response_at, c.closed_at,"
                + " c.acknowledge_due, c.response_due, c.resolution_due, c.paused_since FROM"
                + " service_case c WHERE "
                + scope
                + " AND c.received_at >= ? AND c.received_at < ?")
        .params(params)
        .query(
            (rs, n) ->
                new Row(
                    CaseType.valueOf(rs.getString("type")),
                    CaseChannel.valueOf(rs.getString("channel")),
                    rs.getString("category"),
                    rs.getString("root_cause"),
                    CaseStatus.valueOf(rs.getString("status")),
                    rs.getString("reaction") == null
                        ? null
                        : Reaction.valueOf(rs.getString("reaction")),
                    instant(rs, "received_at"),
                    fromDb(rs.getObject("acknowledged_at", OffsetDateTime.class)),
                    fromDb(rs.getObject("first_response_at", OffsetDateTime.class)),
                    fromDb(rs.getObject("closed_at", OffsetDateTime.class)),
                    instant(rs, "acknowledge_due"),
                    instant(rs, "response_due"),
                    instant(rs, "resolution_due"),
                    rs.getObject("paused_since", OffsetDateTime.class) != null))
        .list();
  }

  private static Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    return java.util.Objects.requireNonNull(fromDb(rs.getObject(column, OffsetDateTime.class)));
  }
}
