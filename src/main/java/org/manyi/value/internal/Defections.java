package org.manyi.value.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.Customers;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.events.CustomerDeleted;
import org.manyi.customers.events.CustomerMerged;
import org.manyi.customers.events.CustomerStageChanged;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.orders.PurchaseSummary;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defection analysis: a defection is opened when a customer's stage becomes lost (to be filled in)
 * or when someone records an interview with a lost customer; it says whether the customer switched
 * to a competitor or left the category, why (reasons of the configurable taxonomy) and for whom.
 * The customer's RFM segment, stage and past spend are kept as they were then, so that reasons can
 * be broken down by them later. Buying again (stage moves away from lost) closes it as won back.
 */
@Service
@Transactional
public class Defections {

  static final int MAX_COMPETITOR = 128;
  static final int MAX_NOTES = 2000;

  /** The share of defections the "vital few" reasons of a Pareto chart explain together. */
  static final double PARETO_CUT = 0.8;

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
  private static final String COLUMNS =
      "id, customer_id, source, kind, competitor, notes, segment, stage, past_value, defected_on,"
          + " opened_at, recorded_at, recorded_by, won_back_at";

  /** What a user records about a defection. */
  public record Input(
      @Nullable DefectionKind kind,
      @Nullable List<String> reasons,
      @Nullable String competitor,
      @Nullable String notes,
      @Nullable LocalDate defectedOn) {}

  /** One bar of the Pareto chart. */
  public record ParetoBar(
      String code, String name, long count, double share, double cumulativeShare, boolean vital) {}

  /**
   * The Pareto chart of reasons among the recorded defections of a period.
   *
   * @param mentions every reason given, a defection with two reasons counting twice
   * @param byKind recorded defections per kind
   */
  public record Pareto(
      LocalDate from,
      LocalDate to,
      long defections,
      long mentions,
      Map<DefectionKind, Long> byKind,
      List<ParetoBar> reasons,
      List<Competitor> competitors) {}

  /** A competitor customers switched to, by how many. */
  public record Competitor(String name, long defections) {}

  /** Reason counts for one segment or stage. */
  public record Breakdown(String group, long defections, Map<String, Long> reasons) {}

  private final JdbcClient jdbc;
  private final PurchaseSummaries purchases;
  private final Customers customers;
  private final Clock clock = Clock.systemUTC();

  Defections(JdbcClient jdbc, PurchaseSummaries purchases, Customers customers) {
    this.jdbc = jdbc;
    this.purchases = purchases;
    this.customers = customers;
  }

  @ApplicationModuleListener
  void on(CustomerStageChanged event) {
    if (event.to() == LifecycleStage.LOST) {
      if (open(event.customer()).isEmpty()) {
        insert(
            event.customer(),
            DefectionSource.MARKED_LOST,
            LifecycleStage.LOST.name(),
            event.at().atZone(RfmAnalysis.BUSINESS_ZONE).toLocalDate());
      }
    } else if (event.from() == LifecycleStage.LOST) {
      jdbc.sql(
              "UPDATE defection SET won_back_at = ? WHERE customer_id = ? AND won_back_at IS"
                  + " NULL")
          .params(toDb(event.at()), event.customer().value())
          .update();
    }
  }

  @ApplicationModuleListener
  void on(CustomerMerged event) {
    // the survivor keeps its own open defection; the merged one's history moves over
    jdbc.sql("UPDATE defection SET customer_id = ? WHERE customer_id = ?")
        .params(event.survivor().value(), event.merged().value())
        .update();
    forgetDerived(event.merged());
  }

  @ApplicationModuleListener
  void on(CustomerDeleted event) {
    jdbc.sql("DELETE FROM defection WHERE customer_id = ?")
        .param(event.customer().value())
        .update();
    forgetDerived(event.customer());
  }

  /** Cluster and core status are recomputed by the next run; until then the customer has none. */
  private void forgetDerived(CustomerId customer) {
    jdbc.sql("DELETE FROM customer_cluster WHERE customer_id = ?").param(customer.value()).update();
    jdbc.sql("DELETE FROM core_customer WHERE customer_id = ?").param(customer.value()).update();
  }

  /** The customer's open (not won back) defection. */
  @Transactional(readOnly = true)
  public Optional<Defection> open(CustomerId customer) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM defection WHERE customer_id = ? AND won_back_at IS NULL ORDER BY"
                + " opened_at DESC LIMIT 1")
        .param(customer.value())
        .query(this::map)
        .optional()
        .map(this::withReasons);
  }

  /** Every defection of the customer, newest first. */
  @Transactional(readOnly = true)
  public List<Defection> of(CustomerId customer) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM defection WHERE customer_id = ? ORDER BY opened_at DESC")
        .param(customer.value())
        .query(this::map)
        .list()
        .stream()
        .map(this::withReasons)
        .toList();
  }

  /**
   * Records where and why the customer went: fills in the open defection, or opens one from an
   * interview when there is none.
   *
   * @throws ProblemException 400 naming the field: kind missing, no or unknown reason, competitor
   *     missing for a switch, text too long, date in the future
   */
  public Defection record(CustomerId customer, Input input, String by) {
    if (input.kind() == null) {
      throw ProblemException.invalid("kind", "value.defections.kind.required");
    }
    List<String> reasons =
        input.reasons() == null
            ? List.of()
            : List.copyOf(new LinkedHashSet<>(input.reasons().stream().map(String::trim).toList()));
    if (reasons.isEmpty()) {
      throw ProblemException.invalid("reasons", "value.defections.reasons.required");
    }
    Map<String, DefectionReason> known = new HashMap<>();
    reasons().forEach(r -> known.put(r.code(), r));
    for (String code : reasons) {
      DefectionReason reason = known.get(code);
      if (reason == null || !reason.active()) {
        throw ProblemException.invalid("reasons", "value.defections.reasons.unknown", code);
      }
    }
    String competitor = blankToNull(input.competitor());
    if (input.kind() == DefectionKind.SWITCHED_TO_COMPETITOR && competitor == null) {
      throw ProblemException.invalid("competitor", "value.defections.competitor.required");
    }
    if (competitor != null && competitor.length() > MAX_COMPETITOR) {
      throw ProblemException.invalid("competitor", "value.defections.tooLong", MAX_COMPETITOR);
    }
    String notes = blankToNull(input.notes());
    if (notes != null && notes.length() > MAX_NOTES) {
      throw ProblemException.invalid("notes", "value.defections.tooLong", MAX_NOTES);
    }
    LocalDate today = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    if (input.defectedOn() != null && input.defectedOn().isAfter(today)) {
      throw ProblemException.invalid("defectedOn", "value.defections.date.future");
    }
    var summary =
        customers.find(customer).orElseThrow(() -> ProblemException.notFound("customer.notFound"));
    UUID id =
        open(customer)
            .map(Defection::id)
            .orElseGet(
                () ->
                    insert(
                        customer,
                        DefectionSource.INTERVIEW,
                        summary.stage().name(),
                        input.defectedOn() == null ? today : input.defectedOn()));
    jdbc.sql(
            "UPDATE defection SET kind = ?, competitor = ?, notes = ?, recorded_at = ?,"
                + " recorded_by = ?, defected_on = COALESCE(?, defected_on) WHERE id = ?")
        .params(
            input.kind().name(),
            input.kind() == DefectionKind.SWITCHED_TO_COMPETITOR ? competitor : null,
            notes,
            toDb(clock.instant()),
            by,
            input.defectedOn() == null ? null : Date.valueOf(input.defectedOn()),
            id)
        .update();
    jdbc.sql("DELETE FROM defection_reason_pick WHERE defection_id = ?").param(id).update();
    for (String code : reasons) {
      jdbc.sql("INSERT INTO defection_reason_pick (defection_id, reason_code) VALUES (?, ?)")
          .params(id, code)
          .update();
    }
    return find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Defection> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM defection WHERE id = ?")
        .param(id)
        .query(this::map)
        .optional()
        .map(this::withReasons);
  }

  /** The taxonomy, retired reasons included, in display order. */
  @Transactional(readOnly = true)
  public List<DefectionReason> reasons() {
    return jdbc.sql(
            "SELECT code, name_zh, name_en, winnable, active, position FROM defection_reason"
                + " ORDER BY position, code")
        .query(
            (rs, n) ->
                new DefectionReason(
                    rs.getString("code"),
                    rs.getString("name_zh"),
                    rs.getString("name_en"),
                    rs.getBoolean("winnable"),
                    rs.getBoolean("active"),
                    rs.getInt("position")))
        .list();
  }

  /**
   * Adds a reason or changes one; the code of an existing reason stays.
   *
   * @throws ProblemException 400 naming the field for a malformed code or a missing name
   */
  public DefectionReason saveReason(DefectionReason reason) {
    if (!CODE.matcher(reason.code()).matches()) {
      throw ProblemException.invalid("code", "value.defections.reason.code");
    }
    if (reason.nameZh().isBlank() || reason.nameZh().length() > 64) {
      throw ProblemException.invalid("nameZh", "value.defections.reason.name");
    }
    if (reason.nameEn().isBlank() || reason.nameEn().length() > 64) {
      throw ProblemException.invalid("nameEn", "value.defections.reason.name");
    }
    int updated =
        jdbc.sql(
                "UPDATE defection_reason SET name_zh = ?, name_en = ?, winnable = ?, active = ?,"
                    + " position = ? WHERE code = ?")
            .params(
                reason.nameZh().trim(),
                reason.nameEn().trim(),
                reason.winnable(),
                reason.active(),
                reason.position(),
                reason.code())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO defection_reason (code, name_zh, name_en, winnable, active, position)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              reason.code(),
              reason.nameZh().trim(),
              reason.nameEn().trim(),
              reason.winnable(),
              reason.active(),
              reason.position())
          .update();
    }
    return reason;
  }

  /**
   * The Pareto chart of the reasons given for the defections recorded as happening in the period
   * (bounds included), the most frequent first; the vital few are the reasons that together explain
   * the first 80% of mentions (the one crossing 80% included).
   */
  @Transactional(readOnly = true)
  public Pareto pareto(LocalDate from, LocalDate to, java.util.Locale locale) {
    checkPeriod(from, to);
    Map<String, DefectionReason> taxonomy = new HashMap<>();
    reasons().forEach(r -> taxonomy.put(r.code(), r));
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(
            "SELECT p.reason_code, COUNT(*) AS n FROM defection_reason_pick p JOIN defection d ON"
                + " d.id = p.defection_id WHERE d.recorded_at IS NOT NULL AND d.defected_on"
                + " BETWEEN ? AND ? GROUP BY p.reason_code")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              counts.put(rs.getString("reason_code"), rs.getLong("n"));
            });
    Map<DefectionKind, Long> byKind = new LinkedHashMap<>();
    for (DefectionKind kind : DefectionKind.values()) {
      byKind.put(kind, 0L);
    }
    jdbc.sql(
            "SELECT kind, COUNT(*) AS n FROM defection WHERE recorded_at IS NOT NULL AND"
                + " defected_on BETWEEN ? AND ? GROUP BY kind")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              byKind.put(DefectionKind.valueOf(rs.getString("kind")), rs.getLong("n"));
            });
    List<Competitor> competitors =
        jdbc.sql(
                "SELECT competitor, COUNT(*) AS n FROM defection WHERE recorded_at IS NOT NULL AND"
                    + " competitor IS NOT NULL AND defected_on BETWEEN ? AND ? GROUP BY"
                    + " competitor ORDER BY n DESC, competitor LIMIT 10")
            .params(Date.valueOf(from), Date.valueOf(to))
            .query((rs, n) -> new Competitor(rs.getString("competitor"), rs.getLong("n")))
            .list();
    long mentions = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Map.Entry<String, Long>> sorted =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(e -> position(taxonomy, e.getKey()))
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    List<ParetoBar> bars = new ArrayList<>();
    long running = 0;
    for (Map.Entry<String, Long> e : sorted) {
      double before = mentions == 0 ? 0 : (double) running / mentions;
      running += e.getValue();
      DefectionReason reason = taxonomy.get(e.getKey());
      bars.add(
          new ParetoBar(
              e.getKey(),
              reason == null ? e.getKey() : reason.name(locale),
              e.getValue(),
              (double) e.getValue() / mentions,
              (double) running / mentions,
              before < PARETO_CUT - 1e-9));
    }
    long defections = byKind.values().stream().mapToLong(Long::longValue).sum();
    return new Pareto(from, to, defections, mentions, byKind, bars, competitors);
  }

  /**
   * Reason counts per RFM segment or per lifecycle stage (as they were when the defection was
   * opened) for the recorded defections of the period; defections of unscored customers are grouped
   * under {@code NONE}.
   */
  @Transactional(readOnly = true)
  public List<Breakdown> breakdown(LocalDate from, LocalDate to, boolean bySegment) {
    checkPeriod(from, to);
    String column = bySegment ? "d.segment" : "d.stage";
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    Map<String, Long> totals = new TreeMap<>();
    jdbc.sql(
            "SELECT "
                + column
                + " AS grp, COUNT(DISTINCT d.id) AS n FROM defection d WHERE d.recorded_at IS NOT"
                + " NULL AND d.defected_on BETWEEN ? AND ? GROUP BY "
                + column)
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              totals.put(group(rs.getString("grp")), rs.getLong("n"));
            });
    jdbc.sql(
            "SELECT "
                + column
                + " AS grp, p.reason_code, COUNT(*) AS n FROM defection d JOIN"
                + " defection_reason_pick p ON p.defection_id = d.id WHERE d.recorded_at IS NOT"
                + " NULL AND d.defected_on BETWEEN ? AND ? GROUP BY "
                + column
                + ", p.reason_code")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(
            rs -> {
              reasons
                  .computeIfAbsent(group(rs.getString("grp")), k -> new TreeMap<>())
                  .put(rs.getString("reason_code"), rs.getLong("n"));
            });
    List<Breakdown> rows = new ArrayList<>();
    totals.forEach(
        (group, n) -> rows.add(new Breakdown(group, n, reasons.getOrDefault(group, Map.of()))));
    rows.sort(Comparator.comparingLong(Breakdown::defections).reversed());
    return rows;
  }

  /**
   * The win-back list: lost customers not yet back, those worth trying first (every given reason
   * winnable, or nothing recorded yet), then by what they used to spend.
   */
  @Transactional(readOnly = true)
  public PageResult<Defection> winBack(PageRequest page) {
    long total =
        jdbc.sql("SELECT COUNT(*) FROM defection WHERE won_back_at IS NULL")
            .query(Long.class)
            .single();
    List<Defection> items =
        jdbc
            .sql(
                "SELECT "
                    + COLUMNS
                    + " FROM defection d WHERE won_back_at IS NULL ORDER BY CASE WHEN EXISTS"
                    + " (SELECT 1 FROM defection_reason_pick p JOIN defection_reason r ON r.code"
                    + " = p.reason_code WHERE p.defection_id = d.id AND r.winnable = FALSE) THEN"
                    + " 1 ELSE 0 END, past_value DESC, id LIMIT ? OFFSET ?")
            .params(page.size(), page.offset())
            .query(this::map)
            .list()
            .stream()
            .map(this::withReasons)
            .toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** Whether a win-back attempt makes sense: nothing recorded yet, or every reason winnable. */
  public boolean winnable(Defection defection) {
    if (defection.reasons().isEmpty()) {
      return true;
    }
    Set<String> winnable = new java.util.HashSet<>();
    reasons().stream().filter(DefectionReason::winnable).forEach(r -> winnable.add(r.code()));
    return winnable.containsAll(defection.reasons());
  }

  private UUID insert(CustomerId customer, DefectionSource source, String stage, LocalDate on) {
    UUID id = UUID.randomUUID();
    String segment =
        jdbc.sql("SELECT segment FROM rfm_score WHERE customer_id = ?")
            .param(customer.value())
            .query(String.class)
            .optional()
            .orElse(null);
    BigDecimal value =
        purchases.find(customer).map(PurchaseSummary::totalSpend).orElse(BigDecimal.ZERO);
    jdbc.sql(
            "INSERT INTO defection (id, customer_id, source, segment, stage, past_value,"
                + " defected_on, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            customer.value(),
            source.name(),
            segment,
            stage,
            value,
            Date.valueOf(on),
            toDb(clock.instant()))
        .update();
    return id;
  }

  private static void checkPeriod(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw ProblemException.invalid("from", "value.period.order");
    }
  }

  private static String group(@Nullable String value) {
    return value == null ? "NONE" : value;
  }

  private static int position(Map<String, DefectionReason> taxonomy, String code) {
    DefectionReason reason = taxonomy.get(code);
    return reason == null ? Integer.MAX_VALUE : reason.position();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private Defection withReasons(Defection d) {
    List<String> codes =
        jdbc.sql(
                "SELECT p.reason_code FROM defection_reason_pick p JOIN defection_reason r ON"
                    + " r.code = p.reason_code WHERE p.defection_id = ? ORDER BY r.position")
            .param(d.id())
            .query(String.class)
            .list();
    return new Defection(
        d.id(),
        d.customer(),
        d.source(),
        d.kind(),
        codes,
        d.competitor(),
        d.notes(),
        d.segment(),
        d.stage(),
        d.pastValue(),
        d.defectedOn(),
        d.openedAt(),
        d.recordedAt(),
        d.recordedBy(),
        d.wonBackAt());
  }

  private Defection map(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("kind");
    return new Defection(
        rs.getObject("id", UUID.class),
        new CustomerId(rs.getObject("customer_id", UUID.class)),
        DefectionSource.valueOf(rs.getString("source")),
        kind == null ? null : DefectionKind.valueOf(kind),
        List.of(),
        rs.getString("competitor"),
        rs.getString("notes"),
        rs.getString("segment"),
        rs.getString("stage"),
        rs.getBigDecimal("past_value"),
        rs.getDate("defected_on").toLocalDate(),
        java.util.Objects.requireNonNull(fromDb(rs.getObject("opened_at", OffsetDateTime.class))),
        fromDb(rs.getObject("recorded_at", OffsetDateTime.class)),
        rs.getString("recorded_by"),
        fromDb(rs.getObject("won_back_at", OffsetDateTime.class)));
  }
}
