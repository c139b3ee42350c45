package org.manyi.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as controllers and services see it; declare it as a controller method
 * parameter to receive it.
 */
public record CurrentUser(
    UserId id,
    String username,
    String displayName,
    Set<Role> roles,
    @Nullable TeamId teamId,
    boolean mustChangePassword) {

  public CurrentUser {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean can(Permission permission) {
    return roles.stream().anyMatch(role -> role.permissions().contains(permission));
  }
}
