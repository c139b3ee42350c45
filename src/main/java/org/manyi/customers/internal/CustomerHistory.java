package org.manyi.customers.internal;

import java.util.ArrayList;
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
  private final CustomerRepository customers;
  private final MessageSource messages;

  CustomerHistory(CustomerAuditTrail audit, CustomerRepository customers, MessageSource messages) {
    this.audit = audit;
    this.customers = customers;
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
    List<AuditEntry> history = audit.history(customer, limit * 2);
    List<TimelineEntry> entries = new ArrayList<>();
    history.stream()
        .filter(e -> e.action() != AuditAction.REVEALED)
        .limit(limit)
        .forEach(
            e ->
                entries.add(
                    new TimelineEntry(
                        TYPE,
                        e.at(),
                        messages.getMessage(
                            "customer.history." + e.action().name(),
                            new Object[] {e.actorName()},
                            e.action().name(),
                            locale),
                        e.fields(),
                        null)));
    // records that did not come through the application (demo data, later imports) have no
    // CREATED entry in the audit trail; their story still starts when they were added
    if (history.stream().noneMatch(e -> e.action() == AuditAction.CREATED)
        && history.size() < limit * 2) {
      customers
          .find(customer)
          .ifPresent(
              c ->
                  entries.add(
                      new TimelineEntry(
                          TYPE,
                          c.createdAt(),
                          messages.getMessage(
                              "customer.history.registered", null, "registered", locale),
                          null,
                          null)));
    }
    return entries;
  }
}
