package org.manyi.identity.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.Role;

/** A user as the JSON API shows it (never the password hash). */
record UserResource(
    UUID id,
    String username,
    String displayName,
    @Nullable String email,
    Set<Role> roles,
    @Nullable String team,
    boolean enabled,
    boolean mustChangePassword,
    Instant createdAt,
    Instant updatedAt) {}
