package org.manyi.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The unit in which recency, age and horizons are measured. */
public enum TimeUnit {
  /** One calendar day. */
  DAY(1),
  /** Seven calendar days, the unit of the CDNOW literature. */
  WEEK(7);

  private final int days;

  TimeUnit(int days) {
    this.days = days;
  }

  /** Number of calendar days in one unit. */
  public int days() {
    return days;
  }

  /** Time from {@code from} to {@code to} in this unit (negative when {@code to} is earlier). */
  public double between(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / (double) days;
  }
}
