package org.manyi.cases.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One deadline of a case as the case's clock shows it.
 *
 * @param metAt when the step was done, absent while it is open
 */
public record DeadlineView(
    Deadline deadline, Instant due, @Nullable Instant metAt, ClockState state) {

  /** Whether the deadline needs attention (breached or due soon). */
  public boolean alarming() {
    return state == ClockState.BREACHED || state == ClockState.DUE_SOON;
  }
}
