package org.manyi.customers.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;

/**
 * A customer's answer for one channel, kept with its proof: when it was recorded, how (form, store,
 * phone call, import...) and which version of the privacy notice the customer saw.
 */
public record Consent(
    ConsentChannel channel,
    boolean granted,
    Instant recordedAt,
    String method,
    @Nullable String noticeVersion) {}
