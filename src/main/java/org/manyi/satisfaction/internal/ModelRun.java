package org.manyi.satisfaction.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One estimation of a stored model on uploaded data, with everything needed to repeat it: the model
 * version and a copy of its spec, the settings and the data.
 *
 * @param jobId the background job doing the work
 * @param result the estimate once the run has succeeded
 * @param error why the run failed, in words
 */
public record ModelRun(
    UUID id,
    UUID modelId,
    int modelVersion,
    String modelName,
    ModelSpec spec,
    RunSettings settings,
    DataDescription data,
    @Nullable UUID jobId,
    RunStatus status,
    @Nullable EstimateResult result,
    @Nullable String error,
    String createdBy,
    Instant createdAt,
    @Nullable Instant finishedAt) {}
