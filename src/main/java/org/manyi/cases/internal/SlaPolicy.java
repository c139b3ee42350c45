package org.manyi.cases.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline targets per priority together with the working calendar they are counted on.
 *
 * @param settings targets per priority, due-soon share and reopen window
 * @param calendar the business hours, holidays and make-up days
 */
public record SlaPolicy(CasesProperties settings, WorkingCalendar calendar) {

  /** The configured targets on a calendar where every minute counts (unit tests, fallbacks). */
  public static SlaPolicy elapsed(CasesProperties settings) {
    return new SlaPolicy(settings, WorkingCalendar.ALWAYS);
  }

  public SlaTarget target(Priority priority) {
    return settings.target(priority);
  }

  /** {@code amount} of working time after {@code from} (before it when negative). */
  public Instant plus(Instant from, Duration amount) {
    return calendar.plus(from, amount);
  }

  /** The working time between two instants. */
  public Duration worked(Instant from, Instant to) {
    return calendar.between(from, to);
  }
}
