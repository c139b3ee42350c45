package org.manyi.cases.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a customer types in the portal's form; checked by {@link PortalCases#submit}.
 *
 * @param email where the confirmation and the one-time codes to follow the case are sent
 */
public record PortalSubmission(
    @Nullable CaseType type,
    @Nullable String name,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String description,
    @Nullable String remedyRequested) {}
