package org.manyi.cases.internal;

import java.time.LocalDate;

/**
 * A day the calendar treats differently from its weekday: a public holiday on a working weekday, or
 * a make-up working day (调休) on a weekend.
 *
 * @param name what the day is, such as 春节 or 国庆节调休
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

  /** How the day differs. */
  public enum Kind {
    /** No work, whatever the weekday (法定节假日). */
    HOLIDAY,
    /** Work with ordinary business hours, whatever the weekday (调休上班). */
    WORKDAY
  }
}
