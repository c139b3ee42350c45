package org.manyi.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Working time: the business hours of working days, where public holidays are days off and make-up
 * days (调休) are working days whatever their weekday. Deadlines are counted on it, so a four-hour
 * target set on Friday at 17:00 falls on Monday at 12:00.
 */
public final class WorkingCalendar {

  /** How far the arithmetic looks for working time before it gives up (a misconfiguration). */
  private static final int MAX_DAYS = 3 * 366;

  /** Every minute is working time: deadlines in elapsed time. */
  public static final WorkingCalendar ALWAYS =
      new WorkingCalendar(BusinessHours.always(), java.util.List.of());

  private final BusinessHours hours;
  private final Map<LocalDate, CalendarDay.Kind> days = new HashMap<>();

  public WorkingCalendar(BusinessHours hours, Collection<CalendarDay> exceptions) {
    this.hours = hours;
    exceptions.forEach(d -> days.put(d.day(), d.kind()));
  }

  public BusinessHours hours() {
    return hours;
  }

  /** Whether work is done on the day (a make-up day is, a holiday is not). */
  public boolean workingDay(LocalDate day) {
    CalendarDay.Kind kind = days.get(day);
    if (kind != null) {
      return kind == CalendarDay.Kind.WORKDAY;
    }
    return hours.days().contains(day.getDayOfWeek());
  }

  /**
   * The instant {@code amount} of working time after {@code from} (before it, when negative). Time
   * outside business hours does not count; a zero amount answers {@code from} itself.
   */
  public Instant plus(Instant from, Duration amount) {
    if (amount.isZero()) {
      return from;
    }
    return amount.isNegative() ? back(from, amount.negated()) : forward(from, amount);
  }

  /** The working time between two instants; zero when {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(hours.zone()).toLocalDate();
    for (LocalDate d = from.atZone(hours.zone()).toLocalDate();
        !d.isAfter(last);
        d = d.plusDays(1)) {
      if (!workingDay(d)) {
        continue;
      }
      Instant start = max(opens(d), from);
      Instant end = min(closes(d), to);
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
      }
    }
    return total;
  }

  private Instant forward(Instant from, Duration amount) {
    Duration left = amount;
    LocalDate d = from.atZone(hours.zone()).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, d = d.plusDays(1)) {
      if (!workingDay(d)) {
        continue;
      }
      Instant start = max(opens(d), from);
      Instant end = closes(d);
      if (end.isAfter(start)) {
        Duration available = Duration.between(start, end);
        if (left.compareTo(available) <= 0) {
          return start.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from);
  }

  private Instant back(Instant from, Duration amount) {
    Duration left = amount;
    LocalDate d = from.atZone(hours.zone()).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, d = d.minusDays(1)) {
      if (!workingDay(d)) {
        continue;
      }
      Instant start = opens(d);
      Instant end = min(closes(d), from);
      if (end.isAfter(start)) {
        Duration available = Duration.between(start, end);
        if (left.compareTo(available) <= 0) {
          return end.minus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from);
  }

  private Instant opens(LocalDate d) {
    return ZonedDateTime.of(d, LocalTime.MIDNIGHT, hours.zone())
        .plusMinutes(hours.opens())
        .toInstant();
  }

  private Instant closes(LocalDate d) {
    return ZonedDateTime.of(d, LocalTime.MIDNIGHT, hours.zone())
        .plusMinutes(hours.closes())
        .toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
