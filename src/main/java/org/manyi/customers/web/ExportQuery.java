package org.manyi.customers.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.internal.CustomerFilter;
import org.manyi.customers.internal.SourceChannel;
import org.manyi.platform.ProblemException;
import org.manyi.platform.TabularWriter;
import org.springframework.format.annotation.DateTimeFormat;

/** An export request: the file format and the same filters as the customer list. */
record ExportQuery(
    @Nullable String format,
    @Nullable String q,
    @Nullable LifecycleStage stage,
    @Nullable String tag,
    @Nullable UUID owner,
    @Nullable UUID team,
    @Nullable String city,
    @Nullable SourceChannel source,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate createdFrom,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate createdTo,
    @Nullable String field,
    @Nullable String fieldValue) {

  CustomerFilter filter() {
    return new CustomerFilter(
        blankToNull(q),
        stage,
        blankToNull(tag),
        owner,
        team,
        blankToNull(city),
        source,
        createdFrom,
        createdTo,
        field,
        fieldValue);
  }

  /** CSV unless asked otherwise; anything but csv or xlsx is refused naming {@code format}. */
  TabularWriter.Format fileFormat() {
    if (format == null || format.isBlank()) {
      return TabularWriter.Format.CSV;
    }
    try {
      return TabularWriter.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("format", "customer.export.format");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
