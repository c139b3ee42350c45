package org.manyi.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A case's own words, for text analytics.
 *
 * @param category the category code once assessed
 */
public record CaseText(
    CaseId id, String number, @Nullable String category, Instant receivedAt, String description) {}
