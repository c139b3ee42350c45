package org.manyi.value.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/** The period length of a cohort table. */
public enum CohortPeriod {
  /** Calendar months: cohorts by first-purchase month. */
  MONTH(1),
  /** Calendar quarters. */
  QUARTER(3);

  private final int months;

  CohortPeriod(int months) {
    this.months = months;
  }

  /** A running number of the period holding the month, consecutive periods differing by one. */
  long index(YearMonth month) {
    return (month.getYear() * 12L + month.getMonthValue() - 1) / months;
  }

  long index(LocalDate date) {
    return index(YearMonth.from(date));
  }

  /** The label of a period: {@code 2026-03} or {@code 2026-Q1}. */
  String label(long index) {
    long firstMonth = index * months;
    int year = (int) (firstMonth / 12);
    int month = (int) (firstMonth % 12) + 1;
    return this == MONTH
        ? YearMonth.of(year, month).toString()
        : year + "-Q" + ((month - 1) / 3 + 1);
  }
}
