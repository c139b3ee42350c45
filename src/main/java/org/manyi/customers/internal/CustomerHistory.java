package org.manyi.customers.internal;

import java.util.List;
import java.util.Locale;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The customers module's own timeline entries: when the record was created, changed and merged
 * (reveals stay in the audit trail, they are not part of the customer's story).
 */
@Component
class CustomerHistory implements CustomerTimelineSource {

  static final String TYPE = "customer";

  private final CustomerAuditTrail audit;
  private final MessageSource messages;

  CustomerHistory(CustomerAuditTrail audit, MessageSource messages) {
    this.audit = audit;
    this.messages = messages;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String label(Locale locale) {
    return messages.getMessage("customer.timeline.type.customer", null, TYPE, locale);
  }

  @Override
  public List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit) {
    return audit.history(customer, limit * 2).stream()
        .filter(e -> e.action() != AuditAction.REVEALED)
        .limit(limit)
        .map(
            e ->
                new TimelineEntry(
                    TYPE,
                    e.at(),
                    messages.getMessage(
                        "customer.history." + e.action().name(),
                        new Object[] {e.actorName()},
                        e.action().name(),
                        locale),
                    e.fields(),
                    null))
        .toList();
  }
}
