package org.manyi.surveys.internal;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.manyi.platform.ProblemException;

/**
 * How metric rows are grouped: by period, by survey, or by an attribute of the customer as of the
 * answer (the breakdown dimensions of the daily rollup).
 */
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
  SURVEY,
  /** The channel the answer came through (LINK, EMAIL, IMPORT...). */
  CHANNEL,
  /** The customer's city. */
  CITY,
  /** The customer's lifecycle stage. */
  STAGE,
  /** The customer's owner. */
  OWNER,
  /** The customer's value tier by spend ({@link ValueTier}). */
  VALUE_TIER,
  /** The customer's main product category by item value. */
  CATEGORY;

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

  /** Whether this is an attribute of the customer or the answer, kept as a rollup dimension. */
  public boolean attribute() {
    return ordinal() >= CHANNEL.ordinal();
  }

  /** Whether this is a calendar period. */
  public boolean period() {
    return this == DAY || this == WEEK || this == MONTH || this == QUARTER;
  }

  /** The attribute breakdowns offered on pages, in display order. */
  public static GroupBy[] attributes() {
    return new GroupBy[] {CITY, STAGE, OWNER, VALUE_TIER, CATEGORY, CHANNEL};
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
      default -> "all";
    };
  }
}
