package org.manyi.customers;

import java.util.List;
import java.util.Locale;

/**
 * The extension point of the customer 360 timeline: every module that has something to say about a
 * customer (orders, interactions, surveys, cases...) registers a bean implementing this. The
 * customers module asks each source, merges the entries and shows them newest first. A source must
 * answer quickly; it is called while the page loads the timeline.
 */
public interface CustomerTimelineSource {

  /** The entry type this source produces, such as {@code order}; used to filter. */
  String type();

  /** The name of the type in the reader's language, for the filter ("订单", "Orders"). */
  String label(Locale locale);

  /**
   * The newest entries for a customer, newest first, at most {@code limit}.
   *
   * @param locale the reader's language, for titles
   */
  List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit);
}
