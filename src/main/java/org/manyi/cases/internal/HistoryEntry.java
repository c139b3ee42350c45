package org.manyi.cases.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;

/**
 * One append-only line of a case's history.
 *
 * @param by the user, absent for the system (deadline checks)
 * @param from the status before, for status changes
 * @param to the status after, for status changes
 * @param text free text (a message, a note, a reason) or a machine detail such as {@code P1}
 */
public record HistoryEntry(
    Instant at,
    @Nullable UserId by,
    HistoryKind kind,
    @Nullable CaseStatus from,
    @Nullable CaseStatus to,
    Visibility visibility,
    @Nullable String text) {

  /** Whether staff only may read it. */
  public boolean internal() {
    return visibility == Visibility.INTERNAL;
  }
}
