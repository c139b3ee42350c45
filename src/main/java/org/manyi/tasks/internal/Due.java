package org.manyi.tasks.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which open tasks to list by their due time, counted in the business time zone. The three windows
 * do not overlap, so the reminder count is today's plus the overdue ones.
 */
public enum Due {
  /** Open, due before now. */
  OVERDUE,
  /** Open, due from now until the end of today. */
  TODAY,
  /** Open, due tomorrow or later. */
  UPCOMING,
  /** Any task, whatever its due time and status. */
  ALL;

  /** Parses {@code today}, {@code overdue}, ... ignoring case; null or blank is {@link #ALL}. */
  public static @Nullable Due parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return ALL;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
