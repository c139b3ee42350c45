package org.manyi.cases.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin-edited working calendar: business hours of the working weekdays and the dated
 * exceptions (public holidays, make-up working days). Deadlines of new and changed cases are
 * counted on it; deadlines already set are not moved when it changes. The calendar is read from the
 * database at most once a minute (and at once after an edit here), as every case page needs it.
 */
@Service
public class WorkingCalendars {

  private static final Duration FRESH = Duration.ofMinutes(1);
  static final int MAX_NAME = 100;

  private record Cached(WorkingCalendar calendar, Instant loadedAt) {}

  private final JdbcClient jdbc;
  private volatile @Nullable Cached cached;

  WorkingCalendars(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The calendar as it stands now. */
  public WorkingCalendar current() {
    Cached c = cached;
    Instant now = Instant.now();
    if (c == null || c.loadedAt().plus(FRESH).isBefore(now)) {
      c = new Cached(new WorkingCalendar(hours(), days(null)), now);
      cached = c;
    }
    return c.calendar();
  }

  /** The business hours of ordinary working days. */
  public BusinessHours hours() {
    return jdbc.sql(
            "SELECT zone_id, opens_minute, closes_minute, workdays FROM case_business_hours")
        .query(
            (rs, n) ->
                new BusinessHours(
                    ZoneId.of(rs.getString("zone_id")),
                    rs.getInt("opens_minute"),
                    rs.getInt("closes_minute"),
                    weekdays(rs.getString("workdays"))))
        .optional()
        .orElseGet(BusinessHours::standard);
  }

  /** The holidays and make-up days, of one year or (null) of all years, by date. */
  public List<CalendarDay> days(@Nullable Integer year) {
    String sql = "SELECT on_date, kind, name FROM case_calendar_day";
    List<Object> params = new java.util.ArrayList<>();
    if (year != null) {
      sql += " WHERE on_date >= ? AND on_date < ?";
      params.add(LocalDate.of(year, 1, 1));
      params.add(LocalDate.of(year + 1, 1, 1));
    }
    return jdbc.sql(sql + " ORDER BY on_date")
        .params(params)
        .query(
            (rs, n) ->
                new CalendarDay(
                    rs.getObject("on_date", LocalDate.class),
                    CalendarDay.Kind.valueOf(rs.getString("kind")),
                    rs.getString("name")))
        .list();
  }

  /** Changes the business hours; the zone must be a known region such as Asia/Shanghai. */
  @Transactional
  public BusinessHours saveHours(
      @Nullable String zone,
      @Nullable String opens,
      @Nullable String closes,
      @Nullable Set<DayOfWeek> days) {
    ZoneId id;
    try {
      id = ZoneId.of(zone == null || zone.isBlank() ? "Asia/Shanghai" : zone.strip());
    } catch (java.time.DateTimeException e) {
      throw ProblemException.invalid("zone", "case.calendar.zone.invalid");
    }
    BusinessHours hours =
        new BusinessHours(
            id,
            BusinessHours.parse("opens", opens == null ? "" : opens),
            BusinessHours.parse("closes", closes == null ? "" : closes),
            days == null || days.isEmpty() ? Set.of() : EnumSet.copyOf(days));
    int updated =
        jdbc.sql(
                "UPDATE case_business_hours SET zone_id = ?, opens_minute = ?, closes_minute = ?,"
                    + " workdays = ? WHERE id = 1")
            .params(hours.zone().getId(), hours.opens(), hours.closes(), text(hours.days()))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO case_business_hours (id, zone_id, opens_minute, closes_minute, workdays)"
                  + " VALUES (1, ?, ?, ?, ?)")
          .params(hours.zone().getId(), hours.opens(), hours.closes(), text(hours.days()))
          .update();
    }
    cached = null;
    return hours;
  }

  /** Adds or changes the exception of one date. */
  @Transactional
  public CalendarDay saveDay(
      @Nullable LocalDate day, CalendarDay.@Nullable Kind kind, @Nullable String name) {
    if (day == null) {
      throw ProblemException.invalid("day", "case.calendar.day.required");
    }
    if (kind == null) {
      throw ProblemException.invalid("kind", "case.calendar.kind.required");
    }
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw ProblemException.invalid("name", "case.calendar.name.required");
    }
    CalendarDay saved = new CalendarDay(day, kind, name.strip());
    int updated =
        jdbc.sql("UPDATE case_calendar_day SET kind = ?, name = ? WHERE on_date = ?")
            .params(kind.name(), saved.name(), day)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO case_calendar_day (on_date, kind, name) VALUES (?, ?, ?)")
          .params(day, kind.name(), saved.name())
          .update();
    }
    cached = null;
    return saved;
  }

  /**
   * Removes the exception of one date, which becomes an ordinary day of its weekday.
   *
   * @return whether there was one
   */
  @Transactional
  public boolean deleteDay(LocalDate day) {
    boolean removed =
        jdbc.sql("DELETE FROM case_calendar_day WHERE on_date = ?").param(day).update() > 0;
    cached = null;
    return removed;
  }

  private static Set<DayOfWeek> weekdays(String text) {
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> DayOfWeek.of(Integer.parseInt(s)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
  }

  private static String text(Set<DayOfWeek> days) {
    return days.stream()
        .sorted()
        .map(d -> String.valueOf(d.getValue()))
        .collect(Collectors.joining(","));
  }
}
