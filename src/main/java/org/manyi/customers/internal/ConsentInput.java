package org.manyi.customers.internal;

import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;

/**
 * A customer's answer for one channel as a form or the API states it.
 *
 * @param method how it was collected (form, store, phone, import...); "form" when absent
 * @param noticeVersion which version of the privacy notice the customer was shown
 */
public record ConsentInput(
    ConsentChannel channel,
    boolean granted,
    @Nullable String method,
    @Nullable String noticeVersion) {}
