/**
 * The order aggregate and its rules, storage, ingestion (single and batch upsert), the purchase
 * summaries, lifecycle stage derivation, demo data and reactions to customer merges and deletions.
 */
@NullMarked
package org.manyi.orders.internal;

import org.jspecify.annotations.NullMarked;
