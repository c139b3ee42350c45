package org.manyi.cases.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CaseChannel;
import org.manyi.cases.internal.CaseStatus;
import org.manyi.cases.internal.CaseType;
import org.manyi.cases.internal.DeadlineView;
import org.manyi.cases.internal.Level;
import org.manyi.cases.internal.Priority;
import org.manyi.cases.internal.Reaction;
import org.manyi.cases.internal.Remedy;

/**
 * A case as the API shows it, with its clock.
 *
 * @param queue the team whose queue holds the case
 * @param deadlines acknowledgement, first response and resolution: due time, when met, and state
 *     (MET, MET_LATE, ON_TRACK, DUE_SOON, BREACHED, PAUSED)
 * @param paused whether the resolution clock stands still, waiting for the customer
 * @param remedyAmount the value of the proposed remedy (yuan, or points)
 * @param pendingRemedy a remedy above its approval threshold waiting for a supervisor
 * @param secondsToAcknowledge elapsed time from receipt to acknowledgement, once acknowledged
 */
record CaseResource(
    UUID id,
    String number,
    CaseType type,
    CaseStatus status,
    @Nullable UUID customerId,
    @Nullable String customerName,
    @Nullable String contactName,
    @Nullable String contactPhone,
    CaseChannel channel,
    @Nullable UUID orderId,
    String description,
    @Nullable String remedyRequested,
    @Nullable String category,
    @Nullable Level severity,
    @Nullable Level urgency,
    Priority priority,
    @Nullable UUID queue,
    @Nullable UUID assigneeId,
    @Nullable String assigneeName,
    int escalationLevel,
    @Nullable Remedy remedy,
    @Nullable BigDecimal remedyAmount,
    @Nullable Remedy pendingRemedy,
    @Nullable BigDecimal pendingAmount,
    @Nullable Reaction reaction,
    @Nullable String rootCause,
    @Nullable String correctiveAction,
    Instant receivedAt,
    @Nullable Instant acknowledgedAt,
    @Nullable Long secondsToAcknowledge,
    @Nullable Instant firstResponseAt,
    @Nullable Instant closedAt,
    boolean paused,
    List<DeadlineView> deadlines) {}
