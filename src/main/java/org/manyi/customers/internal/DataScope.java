package org.manyi.customers.internal;

import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;

/**
 * Which customers a user may see and change. Applied as a condition in every query, so a customer
 * outside the scope is indistinguishable from one that does not exist.
 */
public record DataScope(Level level, UserId user, @Nullable TeamId team) {

  /** How far a user's view reaches. */
  public enum Level {
    /** Every customer (admins). */
    ALL,
    /** The customers owned by the user's team (managers). */
    TEAM,
    /** The customers the user owns (agents, and managers without a team). */
    OWN
  }

  /** The widest scope any of the user's roles grants. */
  public static DataScope of(CurrentUser user) {
    // marketers own no customers but run campaigns for all of them; without CUSTOMERS_READ they
    // still cannot open customer records
    if (user.hasRole(Role.ADMIN) || user.hasRole(Role.MARKETER)) {
      return new DataScope(Level.ALL, user.id(), user.teamId());
    }
    if (user.hasRole(Role.MANAGER) && user.teamId() != null) {
      return new DataScope(Level.TEAM, user.id(), user.teamId());
    }
    return new DataScope(Level.OWN, user.id(), user.teamId());
  }

  /** Whether a customer with this owner and team is within the scope. */
  boolean covers(UserId owner, @Nullable TeamId customerTeam) {
    return switch (level) {
      case ALL -> true;
      case TEAM -> team != null && team.equals(customerTeam);
      case OWN -> user.equals(owner);
    };
  }
}
