package org.manyi.cases.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.identity.TeamId;

/**
 * A case was escalated by hand, by a rejected resolution or by a breached deadline.
 *
 * @param level the escalation level after this escalation, starting at 1
 * @param cause {@code MANUAL}, {@code REJECTED} or {@code SLA_BREACH}
 * @param teamId the case's queue, whose manager should be notified
 */
public record CaseEscalated(
    CaseId caseId, String number, int level, String cause, @Nullable TeamId teamId, Instant at) {}
