package org.manyi.satisfaction.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonTests {

  @Test
  void anIndexChangeCountsWhenItExceedsTwoStandardErrorsOfTheDifference() {
    assertThat(new Comparison.Row("CUSA", 50.0, 53.0, 1.0).significant()).isTrue();
    assertThat(new Comparison.Row("CUSA", 50.0, 53.0, 2.0).significant()).isFalse();
    assertThat(new Comparison.Row("CUSA", 53.0, 50.0, 1.0).significant()).isTrue();
  }

  @Test
  void withoutBootstrapNothingIsClaimed() {
    assertThat(new Comparison.Row("CUSA", 50.0, 53.0).significant()).isNull();
    assertThat(new Comparison.Row("CUSA", null, 53.0, 1.0).significant()).isNull();
  }
}
