package org.manyi.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs long work (imports, analytics, exports) in the background with visible progress. */
public interface Jobs {

  /**
   * Records a queued job owned by {@code owner} and starts it on a worker after the current
   * transaction commits.
   */
  UUID submit(String type, String owner, JobWork work);

  Optional<JobView> find(UUID id);

  /** Newest first. */
  List<JobView> recent(String owner, int limit);

  /**
   * Asks a job to stop. A queued job is cancelled at once, a running one at its next check.
   *
   * @return false when the job had already finished
   */
  boolean cancel(UUID id);
}
