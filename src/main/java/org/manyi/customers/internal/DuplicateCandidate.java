package org.manyi.customers.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An existing customer that looks like the one being created. Its ID and name are given only when
 * the user may see it; otherwise only that such a customer exists elsewhere, and why.
 */
public record DuplicateCandidate(
    @Nullable UUID id, @Nullable String name, Set<DuplicateReason> matchedOn) {}
