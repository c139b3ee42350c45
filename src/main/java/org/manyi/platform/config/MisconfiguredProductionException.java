package org.manyi.platform.config;

import java.util.List;

/** Production mode was asked for without the settings production needs. */
public class MisconfiguredProductionException extends RuntimeException {

  private final List<String> problems;

  public MisconfiguredProductionException(List<String> problems) {
    super("MANYI_MODE=production, but: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
