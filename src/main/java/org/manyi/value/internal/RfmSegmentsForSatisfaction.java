package org.manyi.value.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.manyi.customers.CustomerId;
import org.manyi.satisfaction.CustomerSegments;
import org.springframework.stereotype.Component;

/**
 * Offers the RFM segments of the latest run to satisfaction model runs, so an index can be
 * estimated for, say, the champions alone. The satisfaction module defines the interface, so value
 * stays a module nothing depends on.
 */
@Component
class RfmSegmentsForSatisfaction implements CustomerSegments {

  private final RfmAnalysis rfm;

  RfmSegmentsForSatisfaction(RfmAnalysis rfm) {
    this.rfm = rfm;
  }

  @Override
  public List<String> segments() {
    return Arrays.stream(RfmSegment.values()).map(Enum::name).toList();
  }

  @Override
  public String labelKey(String segment) {
    return "value.segment." + segment;
  }

  @Override
  public Optional<String> segmentOf(CustomerId customer) {
    return rfm.score(customer).map(score -> score.segment().name());
  }
}
