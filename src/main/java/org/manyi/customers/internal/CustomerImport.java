package org.manyi.customers.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;

/**
 * A customer file import: the stored upload, the column mapping (field → heading) and the counts of
 * its last check or run.
 */
public record CustomerImport(
    UUID id,
    UUID fileId,
    String fileName,
    Map<String, String> mapping,
    ImportStatus status,
    @Nullable UUID jobId,
    @Nullable Long rowsTotal,
    @Nullable Long rowsRejected,
    long created,
    long updated,
    long unchanged,
    UserId createdBy,
    Instant createdAt) {}
