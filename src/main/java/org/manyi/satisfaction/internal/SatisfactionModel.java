package org.manyi.satisfaction.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored satisfaction index model. Every change raises {@link #version()}; runs record the
 * version and a copy of the spec they were estimated with.
 *
 * @param template the ready model this one was seeded from ({@code ACSI}, {@code ECSI}, {@code
 *     CCSI}), null for a custom model
 */
public record SatisfactionModel(
    UUID id,
    String name,
    @Nullable String description,
    @Nullable String template,
    ModelSpec spec,
    int version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** The next version with a new name, description and structure. */
  SatisfactionModel revise(
      String newName, @Nullable String newDescription, ModelSpec newSpec, Instant at) {
    return new SatisfactionModel(
        id, newName, newDescription, template, newSpec, version + 1, createdBy, createdAt, at);
  }

  public boolean ready() {
    return template != null;
  }
}
