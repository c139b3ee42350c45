package org.manyi.cases.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.identity.TeamId;

/**
 * A case was assessed in an urgent category (safety, legal): a supervisor must look at it at once.
 * The case already jumped to priority P1.
 */
public record CaseAlertRaised(
    CaseId caseId, String number, String category, @Nullable TeamId teamId, Instant at) {}
