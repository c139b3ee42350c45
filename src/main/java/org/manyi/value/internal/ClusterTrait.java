package org.manyi.value.internal;

import org.jspecify.annotations.Nullable;

/**
 * What sets a cluster apart: one feature well above or below the average customer.
 *
 * @param label the category or channel for the mix features
 * @param z the cluster's mean of the standardised feature
 */
public record ClusterTrait(
    ClusterFeature feature, Direction direction, @Nullable String label, double z) {

  /** Above or below the average customer. */
  public enum Direction {
    /** Above the average. */
    HIGH,
    /** Below the average. */
    LOW
  }

  /** The message key of the plain-language phrase; the label is its argument. */
  public String messageKey() {
    return "value.clusters.trait." + feature.name() + "." + direction.name();
  }

  /** As stored: feature:direction:z[:label]. */
  String encode() {
    return feature.name()
        + ":"
        + direction.name()
        + ":"
        + Math.round(z * 100) / 100.0
        + (label == null ? "" : ":" + label);
  }

  static ClusterTrait decode(String text) {
    String[] parts = text.split(":", 4);
    return new ClusterTrait(
        ClusterFeature.valueOf(parts[0]),
        Direction.valueOf(parts[1]),
        parts.length > 3 ? parts[3] : null,
        Double.parseDouble(parts[2]));
  }
}
