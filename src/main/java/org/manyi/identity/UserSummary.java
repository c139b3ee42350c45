package org.manyi.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What other modules may know about a user: enough to show and assign, nothing secret. */
public record UserSummary(
    UserId id,
    String username,
    String displayName,
    Set<Role> roles,
    @Nullable TeamId teamId,
    @Nullable String teamName,
    boolean enabled) {}
