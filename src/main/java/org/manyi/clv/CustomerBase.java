package org.manyi.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The per-customer summaries of a transaction log at a calibration end, optionally with the
 * purchase counts of a following holdout period.
 *
 * <p>Only customers whose first purchase is on or before the calibration end are included: a
 * customer acquired later does not exist yet as of the calibration end. Transactions after the
 * calibration end are used only for the holdout counts and never influence frequency, recency, age
 * or values.
 *
 * @param customers one summary per customer, ordered by customer id
 * @param unit the time unit of recency, age and holdout length
 * @param calibrationEnd last day of the calibration period (inclusive)
 * @param holdoutEnd last day of the holdout period (inclusive), or null without holdout
 */
public record CustomerBase(
    List<CustomerSummary> customers,
    TimeUnit unit,
    LocalDate calibrationEnd,
    @Nullable LocalDate holdoutEnd) {

  public CustomerBase {
    customers = List.copyOf(customers);
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
  }

  /** Length of the holdout period in {@link #unit()}, 0 without holdout. */
  public double holdoutLength() {
    return holdoutEnd == null ? 0 : unit.between(calibrationEnd, holdoutEnd);
  }

  /**
   * Summarises a transaction log as of {@code calibrationEnd}.
   *
   * @throws IllegalArgumentException when the log is empty or no purchase is on or before the
   *     calibration end
   */
  public static CustomerBase summarise(
      Collection<Transaction> transactions, LocalDate calibrationEnd, TimeUnit unit) {
    return build(transactions, calibrationEnd, null, unit);
  }

  /**
   * Summarises a transaction log as of {@code calibrationEnd} and counts each customer's
   * transactions (distinct purchase days) in the period after {@code calibrationEnd} up to {@code
   * holdoutEnd}.
   *
   * @throws IllegalArgumentException when the log is empty, no purchase is on or before the
   *     calibration end, or the holdout end is not after the calibration end
   */
  public static CustomerBase summarise(
      Collection<Transaction> transactions,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      TimeUnit unit) {
    Objects.requireNonNull(holdoutEnd, "holdoutEnd");
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(
          "holdout end " + holdoutEnd + " must be after calibration end " + calibrationEnd);
    }
    return build(transactions, calibrationEnd, holdoutEnd, unit);
  }

  private static CustomerBase build(
      Collection<Transaction> transactions,
      LocalDate calibrationEnd,
      @Nullable LocalDate holdoutEnd,
      TimeUnit unit) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    Objects.requireNonNull(unit, "unit");
    if (transactions.isEmpty()) {
      throw new IllegalArgumentException("the transaction log is empty");
    }
    List<Transaction> sorted = new ArrayList<>(transactions);
    sorted.sort(Comparator.comparing(Transaction::customerId).thenComparing(Transaction::date));
    List<CustomerSummary> out = new ArrayList<>();
    LocalDate earliest = LocalDate.MAX;
    int i = 0;
    int n = sorted.size();
    while (i < n) {
      String id = sorted.get(i).customerId();
      // collect this customer's purchase days with summed amounts (same day = one transaction)
      List<LocalDate> days = new ArrayList<>();
      List<Double> amounts = new ArrayList<>();
      int holdout = 0;
      LocalDate lastHoldoutDay = null;
      while (i < n && sorted.get(i).customerId().equals(id)) {
        Transaction t = sorted.get(i++);
        if (t.date().isBefore(earliest)) {
          earliest = t.date();
        }
        if (!t.date().isAfter(calibrationEnd)) {
          int last = days.size() - 1;
          if (last >= 0 && days.get(last).equals(t.date())) {
            amounts.set(last, amounts.get(last) + t.amount());
          } else {
            days.add(t.date());
            amounts.add(t.amount());
          }
        } else if (holdoutEnd != null
            && !t.date().isAfter(holdoutEnd)
            && !t.date().equals(lastHoldoutDay)) {
          holdout++;
          lastHoldoutDay = t.date();
        }
      }
      if (days.isEmpty()) {
        continue; // first purchase after the calibration end: not yet a customer
      }
      int x = days.size() - 1;
      LocalDate first = days.get(0);
      double repeatSum = 0;
      for (int k = 1; k <= x; k++) {
        repeatSum += amounts.get(k);
      }
      out.add(
          new CustomerSummary(
              id,
              x,
              unit.between(first, days.get(x)),
              unit.between(first, calibrationEnd),
              x == 0 ? 0 : repeatSum / x,
              amounts.get(0),
              x == 0 ? 0 : amounts.get(x),
              holdout));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "calibration end " + calibrationEnd + " is before the first purchase " + earliest);
    }
    return new CustomerBase(out, unit, calibrationEnd, holdoutEnd);
  }
}
