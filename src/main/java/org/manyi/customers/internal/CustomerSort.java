package org.manyi.customers.internal;

import java.util.Locale;
import org.manyi.platform.ProblemException;

/** The orders the customer list offers, mapped to columns so no input reaches the SQL text. */
public enum CustomerSort {
  /** By name. */
  NAME("c.name"),
  /** By when the customer was added. */
  CREATED("c.created_at"),
  /** By the last change. */
  UPDATED("c.updated_at"),
  /** By city. */
  CITY("c.city"),
  /** By lifecycle stage. */
  STAGE("c.stage"),
  /** By how complete the profile is: ascending finds the records most in need of care. */
  COMPLETENESS("c.completeness");

  final String column;

  CustomerSort(String column) {
    this.column = column;
  }

  /** The sort a request names, refusing unknown ones as a 400 on {@code sort}. */
  public static CustomerSort parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("sort", "list.sort.unknown");
    }
  }
}
