package org.manyi.cases.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case as its customer sees it in the portal: customer-visible history only, never internal
 * notes, assignees or deadlines.
 *
 * @param canReact whether a resolution waits for the customer's acceptance or rejection
 * @param satisfaction the customer's 1 to 5 rating of the resolution, once given
 */
public record PortalCase(
    String number,
    CaseType type,
    CaseStatus status,
    Instant receivedAt,
    String description,
    @Nullable String remedyRequested,
    @Nullable Reaction reaction,
    boolean canReact,
    boolean open,
    @Nullable Integer satisfaction,
    List<Entry> history) {

  /**
   * One customer-visible history line.
   *
   * @param remedy the proposed remedy, for the message that proposes it
   * @param fromCustomer whether the customer wrote it (in the portal)
   */
  public record Entry(
      Instant at,
      HistoryKind kind,
      @Nullable CaseStatus to,
      @Nullable Remedy remedy,
      @Nullable String text,
      boolean fromCustomer) {}
}
