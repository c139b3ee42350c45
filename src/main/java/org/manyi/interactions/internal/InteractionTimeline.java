package org.manyi.interactions.internal;

import java.util.List;
import java.util.Locale;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A customer's interactions on the customer 360 timeline: channel, direction and subject. */
@Component
class InteractionTimeline implements CustomerTimelineSource {

  private final InteractionRepository repository;
  private final MessageSource messages;

  InteractionTimeline(InteractionRepository repository, MessageSource messages) {
    this.repository = repository;
    this.messages = messages;
  }

  @Override
  public String type() {
    return "interaction";
  }

  @Override
  public String label(Locale locale) {
    return messages.getMessage("interaction.nav", null, "Interactions", locale);
  }

  @Override
  public List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit) {
    return repository.recent(customer, limit).stream()
        .map(
            i ->
                new TimelineEntry(
                    type(),
                    i.occurredAt(),
                    messages.getMessage(
                        "interaction.timeline.title",
                        new Object[] {
                          messages.getMessage("interaction.channel." + i.channel(), null, locale),
                          messages.getMessage(
                              "interaction.direction." + i.direction(), null, locale),
                          i.subject()
                        },
                        locale),
                    i.outcome() != null ? i.outcome() : i.notes(),
                    "/interactions/" + i.id()))
        .toList();
  }
}
