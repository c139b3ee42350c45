package org.manyi.platform;

/**
 * A module's share of the deterministic demo data set (realistic Chinese retail data). Contributors
 * run in {@link #order()} so that, for example, users exist before the customers they own.
 */
public interface DemoDataContributor {

  /** Short stable name, also the seed of this contributor's random source. */
  String name();

  /** Lower runs first. */
  int order();

  /** Adds this module's demo records; runs in its own transaction. */
  void contribute(DemoContext context);
}
