package org.manyi.value.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;

class RfmScoringTests {

  private static CustomerId id(int n) {
    return new CustomerId(new UUID(0, n));
  }

  @Test
  void tenCustomersFallTwoToEachQuintileAsComputedByHand() {
    List<RfmScoring.Measures> customers = new ArrayList<>();
    // customer i: bought i days ago... so customer 1 is the most recent; frequency and spend rise
    for (int i = 1; i <= 10; i++) {
      customers.add(new RfmScoring.Measures(id(i), i * 10L, i, BigDecimal.valueOf(i * 100L)));
    }
    List<RfmScore> scores = RfmScoring.score(customers);
    // recency: 10 and 20 days -> 5; 90 and 100 days -> 1
    assertThat(scores).extracting(RfmScore::r).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    assertThat(scores).extracting(RfmScore::f).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(scores).extracting(RfmScore::m).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(scores.get(0).segment()).isEqualTo(RfmSegment.NEW); // R5 F1
    assertThat(scores.get(4).segment()).isEqualTo(RfmSegment.NEED_ATTENTION); // R3 F3
    assertThat(scores.get(9).segment()).isEqualTo(RfmSegment.CANNOT_LOSE); // R1 F5 M5
  }

  @Test
  void tiesAreBrokenByCustomerSoRunsRepeatExactly() {
    List<RfmScoring.Measures> customers = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      customers.add(new RfmScoring.Measures(id(i), 30, 2, BigDecimal.TEN));
    }
    List<RfmScore> scores = RfmScoring.score(customers);
    // equal values: ranked by customer ID, id(1) lowest
    assertThat(scores.get(4).customer()).isEqualTo(id(1));
    assertThat(scores.get(4).f()).isEqualTo(1);
    assertThat(scores.get(0).f()).isEqualTo(5);
    assertThat(RfmScoring.score(customers)).isEqualTo(scores);
  }

  @Test
  void segmentRulesCoverEveryScoreCombination() {
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          assertThat(RfmSegment.of(r, f, m)).isNotNull();
        }
      }
    }
    assertThat(RfmSegment.of(5, 5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(RfmSegment.of(3, 5, 1)).isEqualTo(RfmSegment.LOYAL);
    assertThat(RfmSegment.of(2, 3, 1)).isEqualTo(RfmSegment.AT_RISK);
    assertThat(RfmSegment.of(2, 1, 1)).isEqualTo(RfmSegment.HIBERNATING);
    assertThat(RfmSegment.of(1, 2, 5)).isEqualTo(RfmSegment.LOST);
  }
}
