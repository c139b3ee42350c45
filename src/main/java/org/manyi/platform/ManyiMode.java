package org.manyi.platform;

/** How strictly Manyi checks its own configuration at start-up. */
public enum ManyiMode {
  /** Zero set-up: embedded H2, generated admin password and key. For trying the product only. */
  DEVELOPMENT,
  /** Refuses to start on H2 or without an explicit admin password and encryption key. */
  PRODUCTION
}
