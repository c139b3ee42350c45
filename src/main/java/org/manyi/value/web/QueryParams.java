package org.manyi.value.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;

/** Parsing of optional query parameters into 400 problems that name the parameter. */
final class QueryParams {

  private QueryParams() {}

  static @Nullable LocalDate date(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "value.param.date");
    }
  }

  static @Nullable YearMonth month(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "value.param.month");
    }
  }

  static <E extends Enum<E>> E choice(
      String field, @Nullable String value, Class<E> type, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, "value.param.choice");
    }
  }
}
