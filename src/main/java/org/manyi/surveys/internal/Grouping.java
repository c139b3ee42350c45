package org.manyi.surveys.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;

/**
 * A metrics grouping of up to three keys, given as {@code groupBy=month,city}: at most one period,
 * the survey, and at most one customer attribute (the rollup keeps one dimension per row).
 */
public record Grouping(@Nullable GroupBy period, boolean survey, @Nullable GroupBy attribute) {

  public static final Grouping NONE = new Grouping(null, false, null);

  public static Grouping of(GroupBy single) {
    return new Grouping(
        single.period() ? single : null,
        single == GroupBy.SURVEY,
        single.attribute() ? single : null);
  }

  /**
   * Parses {@code groupBy}.
   *
   * @throws ProblemException 400 naming {@code groupBy} for an unknown key, or two periods or two
   *     attributes
   */
  public static Grouping parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    GroupBy period = null;
    GroupBy attribute = null;
    boolean survey = false;
    for (String part : value.split(",")) {
      GroupBy key = GroupBy.parse(part);
      if (key.period()) {
        if (period != null) {
          throw ProblemException.invalid("groupBy", "metrics.groupBy.combination");
        }
        period = key;
      } else if (key.attribute()) {
        if (attribute != null) {
          throw ProblemException.invalid("groupBy", "metrics.groupBy.combination");
        }
        attribute = key;
      } else if (key == GroupBy.SURVEY) {
        survey = true;
      }
    }
    return new Grouping(period, survey, attribute);
  }

  /** The rollup dimension the rows are read from. */
  String dimension() {
    return attribute == null ? GroupBy.NONE.name() : attribute.name();
  }

  /** The request form of this grouping, such as {@code month,city}. */
  public String value() {
    List<String> parts = new ArrayList<>();
    if (period != null) {
      parts.add(period.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (survey) {
      parts.add("survey");
    }
    if (attribute != null) {
      parts.add(attribute.name().toLowerCase(java.util.Locale.ROOT));
    }
    return parts.isEmpty() ? "none" : String.join(",", parts);
  }
}
