package org.manyi.satisfaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.platform.ProblemException;
import org.manyi.satisfaction.CustomerSegments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a run's customer segment into a test on respondents: lifecycle stage and city from the
 * customers module, named segments from whichever module publishes them. A run reads a survey's
 * answers for every user with the analysis permission, so the test is not narrowed by data scope:
 * the result is an aggregate, never a customer list.
 */
@Component
public class Respondents {

  /** A segment a form can offer, with the message key of its name. */
  public record SegmentOption(String code, String labelKey) {}

  private final Customers customers;
  private final ObjectProvider<CustomerSegments> segments;

  Respondents(Customers customers, ObjectProvider<CustomerSegments> segments) {
    this.customers = customers;
    this.segments = segments;
  }

  /** Every named segment on offer, in the publishers' order. */
  public List<SegmentOption> segmentOptions() {
    List<SegmentOption> options = new ArrayList<>();
    segments
        .orderedStream()
        .forEach(
            source ->
                source
                    .segments()
                    .forEach(code -> options.add(new SegmentOption(code, source.labelKey(code)))));
    return List.copyOf(options);
  }

  /**
   * The test for the filter's segment members.
   *
   * @throws ProblemException 400 on {@code segment} when no module publishes that segment
   */
  Predicate<CustomerId> matching(DataFilter filter) {
    CustomerSegments source = null;
    if (filter.segment() != null) {
      source =
          segments
              .orderedStream()
              .filter(s -> s.segments().contains(filter.segment()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          "segment", "satisfaction.filter.segment.unknown", filter.segment()));
    }
    CustomerSegments named = source;
    return customer -> {
      if (!filter.stages().isEmpty() || filter.city() != null) {
        Optional<CustomerSummary> summary = customers.find(customer);
        if (summary.isEmpty()
            || (!filter.stages().isEmpty() && !filter.stages().contains(summary.get().stage()))
            || (filter.city() != null && !filter.city().equals(summary.get().city()))) {
          return false;
        }
      }
      return named == null || named.segmentOf(customer).map(filter.segment()::equals).orElse(false);
    };
  }
}
