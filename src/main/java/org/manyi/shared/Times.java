package org.manyi.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Conversions at the JDBC boundary. The domain speaks {@link Instant}; both H2 and the PostgreSQL
 * driver bind and read {@code TIMESTAMP WITH TIME ZONE} reliably only as {@link OffsetDateTime}.
 */
public final class Times {

  private Times() {}

  public static @Nullable OffsetDateTime toDb(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static @Nullable Instant fromDb(@Nullable OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
