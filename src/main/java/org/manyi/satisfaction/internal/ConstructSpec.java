package org.manyi.satisfaction.internal;

import java.util.List;
import org.manyi.pls.Mode;

/**
 * One construct of a model: its short name (a column prefix such as {@code CUSA}), the survey items
 * that measure it and how they relate to it.
 */
public record ConstructSpec(String name, List<String> items, Mode mode) {

  public ConstructSpec {
    items = List.copyOf(items);
  }
}
