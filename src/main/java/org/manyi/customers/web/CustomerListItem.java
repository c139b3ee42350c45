package org.manyi.customers.web;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;
import org.manyi.customers.internal.CustomerKind;
import org.manyi.customers.internal.Gender;
import org.manyi.customers.internal.SourceChannel;

/** A row of the customer list: contacts always masked. */
record CustomerListItem(
    UUID id,
    CustomerKind kind,
    String name,
    Gender gender,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String province,
    @Nullable String city,
    @Nullable SourceChannel source,
    Set<String> tags,
    LifecycleStage stage,
    int completeness,
    UUID ownerId,
    @Nullable String ownerName,
    Instant createdAt,
    Map<String, String> customFields) {}
