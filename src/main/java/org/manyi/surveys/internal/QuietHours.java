package org.manyi.surveys.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of the day in which no invitation is sent, in the company's time zone, such as 21:00 to
 * 09:00 in Asia/Shanghai. The start belongs to the quiet hours, the end does not. When start equals
 * end there are no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** No quiet hours at all. */
  public static QuietHours none() {
    return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("Asia/Shanghai"));
  }

  public boolean enabled() {
    return !start.equals(end);
  }

  /** Whether a message due at this instant has to wait. */
  public boolean quiet(Instant at) {
    if (!enabled()) {
      return false;
    }
    LocalTime time = at.atZone(zone).toLocalTime();
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  /** The instant itself when it is outside the quiet hours, else the moment they end. */
  public Instant nextAllowed(Instant at) {
    if (!quiet(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
    return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
  }
}
