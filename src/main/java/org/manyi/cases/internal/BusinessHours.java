package org.manyi.cases.internal;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.manyi.platform.ProblemException;

/**
 * The hours of an ordinary working day, the weekdays that are working days, and the time zone the
 * company works in. Minutes count from midnight; {@code closes} may be 1440 (the end of the day).
 *
 * @param opens first working minute of the day, such as 540 for 09:00
 * @param closes the minute work stops, after {@code opens}, such as 1080 for 18:00
 * @param days the weekdays worked unless the calendar says otherwise (holiday, make-up day)
 */
public record BusinessHours(ZoneId zone, int opens, int closes, Set<DayOfWeek> days) {

  public static final int DAY_MINUTES = 24 * 60;

  public BusinessHours {
    if (opens < 0 || opens >= DAY_MINUTES) {
      throw ProblemException.invalid("opens", "case.calendar.hours.invalid");
    }
    if (closes <= opens || closes > DAY_MINUTES) {
      throw ProblemException.invalid("closes", "case.calendar.hours.invalid");
    }
    if (days.isEmpty()) {
      throw ProblemException.invalid("days", "case.calendar.days.required");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** Monday to Friday, 09:00 to 18:00, China Standard Time. */
  public static BusinessHours standard() {
    return new BusinessHours(
        ZoneId.of("Asia/Shanghai"),
        9 * 60,
        18 * 60,
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  }

  /** Every day around the clock, in UTC: working time equals elapsed time. */
  public static BusinessHours always() {
    return new BusinessHours(ZoneId.of("UTC"), 0, DAY_MINUTES, EnumSet.allOf(DayOfWeek.class));
  }

  /** The length of one working day. */
  public java.time.Duration dayLength() {
    return java.time.Duration.ofMinutes(closes - opens);
  }

  /** A minute of the day as {@code HH:mm} (1440 as {@code 24:00}). */
  public static String format(int minute) {
    return "%02d:%02d".formatted(minute / 60, minute % 60);
  }

  /**
   * A time of day as minutes; {@code 24:00} is the end of the day.
   *
   * @throws ProblemException naming the field when the text is not {@code HH:mm}
   */
  public static int parse(String field, String text) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("\\d{1,2}:\\d{2}")) {
      throw ProblemException.invalid(field, "case.calendar.hours.invalid");
    }
    int h = Integer.parseInt(t.substring(0, t.indexOf(':')));
    int m = Integer.parseInt(t.substring(t.indexOf(':') + 1));
    if (m > 59 || h > 24 || (h == 24 && m > 0)) {
      throw ProblemException.invalid(field, "case.calendar.hours.invalid");
    }
    return h * 60 + m;
  }

  public String opensText() {
    return format(opens);
  }

  public String closesText() {
    return format(closes);
  }
}
