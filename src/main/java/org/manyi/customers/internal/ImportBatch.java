package org.manyi.customers.internal;

import java.time.Instant;

/** A committed batch of an import: its lines and what it did. */
public record ImportBatch(
    int number,
    long firstLine,
    long lastLine,
    int created,
    int updated,
    int unchanged,
    int rejected,
    Instant committedAt) {}
