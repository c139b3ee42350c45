package org.manyi.clv;

/** The purchase ("buy till you die") models this module fits. */
public enum ModelType {
  /** Beta-geometric/NBD, Fader, Hardie &amp; Lee (2005). */
  BG_NBD("BG/NBD"),
  /** Pareto/NBD, Schmittlein, Morrison &amp; Colombo (1987). */
  PARETO_NBD("Pareto/NBD"),
  /** Modified BG/NBD, Batislam, Denizel &amp; Filiztekin (2007). */
  MBG_NBD("MBG/NBD");

  private final String displayName;

  ModelType(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
