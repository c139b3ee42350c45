package org.manyi.customers;

import org.jspecify.annotations.Nullable;

/**
 * The little another module knows about a customer it meets for the first time, such as the buyer
 * of an imported order.
 *
 * @param source a source channel name such as {@code TMALL} or {@code STORE}; ignored when unknown
 */
public record NewCustomer(
    String name,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String externalId,
    @Nullable String source) {}
