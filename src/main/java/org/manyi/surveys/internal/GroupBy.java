package org.manyi.surveys.internal;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.manyi.platform.ProblemException;

/** How metric rows are grouped. */
public enum GroupBy {
  /** One row for everything selected. */
  NONE,
  /** Calendar day. */
  DAY,
  /** ISO week (2026-W48). */
  WEEK,
  /** Calendar month (2026-11). */
  MONTH,
  /** Calendar quarter (2026-Q4). */
  QUARTER,
  /** Survey. */
  SURVEY;

  public static GroupBy parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("groupBy", "metrics.groupBy.unknown");
    }
  }

  String label(LocalDate day) {
    return switch (this) {
      case DAY -> day.toString();
      case WEEK ->
          "%d-W%02d"
              .formatted(
                  day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
      case QUARTER -> "%d-Q%d".formatted(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
      case NONE, SURVEY -> "all";
    };
  }
}
