package org.manyi.satisfaction;

import java.util.List;
import java.util.Optional;
import org.manyi.customers.CustomerId;

/**
 * Named customer segments another module computes (the value module's RFM segments) by which a
 * model run can narrow a survey's respondents. Implemented by the module that owns the segments, so
 * this module depends on no analysis module.
 */
public interface CustomerSegments {

  /** The segments in display order, as stable codes such as {@code CHAMPIONS}. */
  List<String> segments();

  /** The message key of a segment's name, such as {@code value.segment.CHAMPIONS}. */
  String labelKey(String segment);

  /** The customer's current segment; empty when the customer has none (never bought). */
  Optional<String> segmentOf(CustomerId customer);
}
