package org.manyi.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.Case;
import org.manyi.cases.internal.CaseManagement;
import org.manyi.cases.internal.CaseStatus;
import org.manyi.cases.internal.HistoryEntry;
import org.manyi.cases.internal.HistoryKind;
import org.manyi.cases.internal.Visibility;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.springframework.stereotype.Component;

/** Turns cases into API resources, with the names of their customer and assignee. */
@Component
class CaseViews {

  /** One history entry with the name of who made it. */
  record HistoryResource(
      Instant at,
      @Nullable UUID by,
      @Nullable String byName,
      HistoryKind kind,
      @Nullable CaseStatus from,
      @Nullable CaseStatus to,
      Visibility visibility,
      @Nullable String text) {}

  private final CaseManagement cases;
  private final Customers customers;
  private final Users users;

  CaseViews(CaseManagement cases, Customers customers, Users users) {
    this.cases = cases;
    this.customers = customers;
    this.users = users;
  }

  CaseResource resource(Case c) {
    return new CaseResource(
        c.id().value(),
        c.number(),
        c.type(),
        c.status(),
        c.customerId() == null ? null : c.customerId().value(),
        c.customerId() == null
            ? null
            : customers.find(c.customerId()).map(CustomerSummary::name).orElse(null),
        c.contactName(),
        c.contactPhone(),
        c.channel(),
        c.orderId(),
        c.description(),
        c.remedyRequested(),
        c.category(),
        c.severity(),
        c.urgency(),
        c.priority(),
        c.teamId() == null ? null : c.teamId().value(),
        c.assigneeId() == null ? null : c.assigneeId().value(),
        userName(c.assigneeId()),
        c.escalationLevel(),
        c.remedy(),
        c.remedyAmount(),
        c.pendingRemedy(),
        c.pendingAmount(),
        c.reaction(),
        c.rootCause(),
        c.correctiveAction(),
        c.receivedAt(),
        c.acknowledgedAt(),
        c.timeToAcknowledge() == null ? null : c.timeToAcknowledge().toSeconds(),
        c.firstResponseAt(),
        c.closedAt(),
        c.paused(),
        c.clock(cases.now(), cases.policy()));
  }

  List<HistoryResource> history(List<HistoryEntry> entries) {
    return entries.stream()
        .map(
            e ->
                new HistoryResource(
                    e.at(),
                    e.by() == null ? null : e.by().value(),
                    userName(e.by()),
                    e.kind(),
                    e.from(),
                    e.to(),
                    e.visibility(),
                    e.text()))
        .toList();
  }

  @Nullable String userName(@Nullable UserId id) {
    return id == null ? null : users.find(id).map(UserSummary::displayName).orElse(null);
  }

  @Nullable String customerName(Case c) {
    return c.customerId() == null
        ? c.contactName()
        : customers.find(c.customerId()).map(CustomerSummary::name).orElse(null);
  }
}
