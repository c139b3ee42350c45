package org.manyi.orders;

import java.util.Map;
import org.manyi.customers.CustomerId;

/**
 * The channel and category mix of every buyer's purchases (orders neither cancelled nor fully
 * refunded), for clustering and similar analyses over the whole customer base. Not scoped to a
 * user.
 */
public interface PurchaseMixes {

  /** The mix per customer who bought anything; one entry per buyer. */
  Map<CustomerId, PurchaseMix> all();
}
