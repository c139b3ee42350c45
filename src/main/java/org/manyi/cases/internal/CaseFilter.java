package org.manyi.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the case list is narrowed to; absent values do not narrow.
 *
 * @param queue a team ID
 * @param assignee a user ID
 * @param mine only cases assigned to the caller
 * @param overdue only open cases with a deadline passed and not met
 */
public record CaseFilter(
    @Nullable CaseStatus status,
    @Nullable Priority priority,
    @Nullable UUID queue,
    @Nullable UUID assignee,
    boolean mine,
    boolean overdue) {

  public static CaseFilter none() {
    return new CaseFilter(null, null, null, null, false, false);
  }

  public boolean narrowed() {
    return status != null
        || priority != null
        || queue != null
        || assignee != null
        || mine
        || overdue;
  }
}
