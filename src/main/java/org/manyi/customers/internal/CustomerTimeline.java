package org.manyi.customers.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.manyi.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One timeline per customer, merged from every registered {@link CustomerTimelineSource}, newest
 * first. The user must be allowed to see the customer.
 */
@Service
public class CustomerTimeline {

  public static final int MAX_ENTRIES = 200;
  private static final Logger log = LoggerFactory.getLogger(CustomerTimeline.class);

  private final List<CustomerTimelineSource> sources;
  private final CustomerManagement customers;

  CustomerTimeline(List<CustomerTimelineSource> sources, CustomerManagement customers) {
    this.sources = List.copyOf(sources);
    this.customers = customers;
  }

  /** The entry types on offer with their labels, for the filter. */
  public java.util.Map<String, String> types(Locale locale) {
    java.util.Map<String, String> types = new java.util.TreeMap<>();
    sources.forEach(s -> types.putIfAbsent(s.type(), s.label(locale)));
    return types;
  }

  /**
   * The newest entries of one type, or of every type when {@code type} is null.
   *
   * @throws org.manyi.platform.ProblemException 404 when the customer is outside the scope
   */
  public List<TimelineEntry> entries(
      CustomerId id, @Nullable String type, int limit, Locale locale, CurrentUser me) {
    customers.get(id, me);
    int max = Math.max(1, Math.min(limit, MAX_ENTRIES));
    List<TimelineEntry> all = new ArrayList<>();
    for (CustomerTimelineSource source : sources) {
      if (type != null && !type.isBlank() && !source.type().equals(type)) {
        continue;
      }
      try {
        all.addAll(source.entries(id, locale, max));
      } catch (RuntimeException e) {
        // one module's failure must not hide the rest of the customer's history
        log.warn("Timeline source {} failed for customer {}", source.type(), id, e);
      }
    }
    return all.stream()
        .sorted(Comparator.comparing(TimelineEntry::at).reversed())
        .limit(max)
        .toList();
  }
}
