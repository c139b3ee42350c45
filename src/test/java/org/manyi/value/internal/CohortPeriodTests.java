package org.manyi.value.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CohortPeriodTests {

  @Test
  void consecutivePeriodsDifferByOneAndAreLabelled() {
    long december = CohortPeriod.MONTH.index(YearMonth.of(2025, 12));
    assertThat(CohortPeriod.MONTH.index(YearMonth.of(2026, 1))).isEqualTo(december + 1);
    assertThat(CohortPeriod.MONTH.label(december)).isEqualTo("2025-12");

    long q4 = CohortPeriod.QUARTER.index(YearMonth.of(2025, 11));
    assertThat(CohortPeriod.QUARTER.index(YearMonth.of(2026, 3))).isEqualTo(q4 + 1);
    assertThat(CohortPeriod.QUARTER.label(q4)).isEqualTo("2025-Q4");
    assertThat(CohortPeriod.QUARTER.label(q4 + 1)).isEqualTo("2026-Q1");
  }
}
