package org.manyi.customers;

import java.util.Collection;

/**
 * Tags another module keeps for a status it derives (such as core customers), so that the status is
 * a filter of the customer list like any tag. The tag belongs to that module: a run replaces it on
 * every customer.
 */
public interface CustomerTagging {

  /**
   * Gives exactly these customers the tag: adds it where missing and removes it from everybody
   * else. Customers that no longer exist are skipped.
   *
   * @return how many customers hold the tag afterwards
   */
  int replace(String tag, Collection<CustomerId> customers);
}
