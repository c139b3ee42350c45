package org.manyi.identity;

/**
 * What a user may do. Roles grant permissions; authorization checks ask for permissions, so later
 * modules add a constant here and grant it to roles in {@link Role}.
 */
public enum Permission {
  /** Create, edit and disable users and teams. */
  USERS_MANAGE,
  /** See the list of users (to assign owners, filter by team). */
  USERS_READ,
  /** Load the demo data set. */
  DEMO_LOAD,
  /** See the operational metrics and every job. */
  OPERATIONS,
  /** Create, change, open and close surveys. */
  SURVEYS_MANAGE,
  /** See surveys, their results and satisfaction metrics. */
  SURVEYS_READ,
  /** Run satisfaction index models and driver analyses and read their results. */
  SATISFACTION_ANALYSE,
  /** Create, change and delete satisfaction index models. */
  SATISFACTION_MODELS_MANAGE,
  /** See and edit customers within the user's data scope (own, team's, or all for admins). */
  CUSTOMERS_READ,
  /** See a customer's phone numbers and emails unmasked (each reveal is audited). */
  CUSTOMERS_REVEAL,
  /** Browse the audit trail of customer data (reveals, merges, deletions). */
  AUDIT_READ,
  /** Import customers from CSV or XLSX files. */
  CUSTOMERS_IMPORT,
  /** Export customer lists with their personal data to files (every export is audited). */
  CUSTOMERS_EXPORT,
  /** Send orders through the API (single and batch) and record refunds, within the data scope. */
  ORDERS_MANAGE,
  /** Record and work feedback and complaint cases within the user's scope. */
  CASES_READ,
  /** Edit the case category taxonomy and run the deadline check by hand. */
  CASES_MANAGE,
  /** Edit the defection reason taxonomy and the core-customer rules of customer value. */
  VALUE_SETTINGS_MANAGE,
  /** Write, publish, withdraw and delete knowledge base articles. */
  KNOWLEDGE_MANAGE,
  /** Approve or refuse case remedies above their approval threshold (within the team's cases). */
  CASES_APPROVE_REMEDIES;

  /** The Spring Security authority that stands for this permission. */
  public String authority() {
    return "PERM_" + name();
  }
}
