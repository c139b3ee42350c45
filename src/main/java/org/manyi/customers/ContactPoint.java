package org.manyi.customers;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a customer through one channel, for modules that send messages.
 *
 * @param address the primary email for {@link ConsentChannel#EMAIL}, the primary phone for {@link
 *     ConsentChannel#SMS} and {@link ConsentChannel#PHONE}; absent when the customer has none (and
 *     always for WeChat, whose IDs a later module keeps)
 * @param consented whether the customer has agreed to be contacted through the channel; a sender
 *     must not send when this is false
 */
public record ContactPoint(
    CustomerId customer,
    String name,
    ConsentChannel channel,
    @Nullable String address,
    boolean consented) {}
