package org.manyi.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A background job as the API and pages show it.
 *
 * @param result the job type's own result document, present once it has one
 * @param error why the job failed, in words
 */
public record JobView(
    UUID id,
    String type,
    String owner,
    JobStatus status,
    long processed,
    @Nullable Long total,
    List<String> messages,
    @Nullable JsonNode result,
    @Nullable String error,
    boolean cancelRequested,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt) {

  /** Share done between 0 and 1, or null while the total is unknown. */
  public @Nullable Double progress() {
    if (status == JobStatus.SUCCEEDED) {
      return 1.0;
    }
    return total == null || total == 0 ? null : Math.min(1.0, (double) processed / total);
  }

  /** Whole percent for progress bars. */
  public int percent() {
    Double p = progress();
    return p == null ? 0 : (int) Math.floor(p * 100);
  }
}
