package org.manyi.identity;

import java.util.EnumSet;
import java.util.Set;

/** A user's job in the company, granting a set of {@link Permission}s. */
public enum Role {
  /** Runs the installation: users, settings, everything. */
  ADMIN(EnumSet.allOf(Permission.class)),
  /** Leads a team: sees and assigns the team's work, judges its results. */
  MANAGER(
      EnumSet.of(
          Permission.USERS_READ,
          Permission.SURVEYS_READ,
          Permission.SATISFACTION_ANALYSE,
          Permission.CUSTOMERS_READ,
          Permission.CUSTOMERS_REVEAL,
          Permission.CUSTOMERS_IMPORT,
          Permission.CUSTOMERS_EXPORT,
          Permission.ORDERS_MANAGE,
          Permission.CASES_READ,
          Permission.KNOWLEDGE_MANAGE,
          Permission.CASES_APPROVE_REMEDIES)),
  /** Serves customers: own customers, cases and tasks. */
  AGENT(EnumSet.of(Permission.CUSTOMERS_READ, Permission.CUSTOMERS_REVEAL, Permission.CASES_READ)),
  /** Reads aggregates and runs analyses, without personal details. */
  ANALYST(
      EnumSet.of(
          Permission.SURVEYS_READ,
          Permission.SATISFACTION_ANALYSE,
          Permission.SATISFACTION_MODELS_MANAGE)),
  /** Runs surveys and campaigns. */
  MARKETER(
      EnumSet.of(
          Permission.SURVEYS_MANAGE, Permission.SURVEYS_READ, Permission.SATISFACTION_ANALYSE));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  /** The Spring Security authority for {@code hasRole(...)}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
