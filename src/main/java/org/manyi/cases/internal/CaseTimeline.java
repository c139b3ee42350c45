package org.manyi.cases.internal;

import java.util.List;
import java.util.Locale;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A customer's cases on the customer 360 timeline: number, type, status and category. */
@Component
class CaseTimeline implements CustomerTimelineSource {

  private final CaseRepository cases;
  private final CaseCategories categories;
  private final MessageSource messages;

  CaseTimeline(CaseRepository cases, CaseCategories categories, MessageSource messages) {
    this.cases = cases;
    this.categories = categories;
    this.messages = messages;
  }

  @Override
  public String type() {
    return "case";
  }

  @Override
  public String label(Locale locale) {
    return messages.getMessage("case.nav", null, "Cases", locale);
  }

  @Override
  public List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit) {
    return cases.ofCustomer(customer, limit).stream()
        .map(
            c ->
                new TimelineEntry(
                    type(),
                    c.receivedAt(),
                    messages.getMessage(
                        "case.timeline.title",
                        new Object[] {
                          c.number(),
                          messages.getMessage("case.type." + c.type(), null, locale),
                          messages.getMessage("case.status." + c.status(), null, locale)
                        },
                        locale),
                    c.category() == null ? null : categories.name(c.category(), locale),
                    "/cases/" + c.id()))
        .toList();
  }
}
