package org.manyi.satisfaction.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.LifecycleStage;

/**
 * Which answers of a survey a run used: the survey, the period (days in the company's zone, bounds
 * included) and a customer segment. Segment members that are absent do not restrict; anonymous
 * responses are left out as soon as any segment member is given.
 *
 * @param stages lifecycle stages of the respondent, any of them
 * @param city the respondent's city, exactly as recorded
 * @param segment a segment code published through {@link org.manyi.satisfaction.CustomerSegments},
 *     such as an RFM segment
 */
public record DataFilter(
    UUID surveyId,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    Set<LifecycleStage> stages,
    @Nullable String city,
    @Nullable String segment) {

  public DataFilter {
    stages = stages == null ? Set.of() : Set.copyOf(new TreeSet<>(stages));
    city = city == null || city.isBlank() ? null : city.strip();
    segment = segment == null || segment.isBlank() ? null : segment.strip();
  }

  /** Whether the respondents are narrowed to a customer segment. */
  public boolean segmented() {
    return !stages.isEmpty() || city != null || segment != null;
  }

  /** A file name saying what was selected, for the run's record and downloads. */
  String fileName() {
    List<String> parts = new ArrayList<>(List.of("survey-" + surveyId));
    if (from != null) {
      parts.add("from-" + from);
    }
    if (to != null) {
      parts.add("to-" + to);
    }
    if (!stages.isEmpty()) {
      parts.add("stage-" + String.join("+", stages.stream().map(Enum::name).sorted().toList()));
    }
    if (city != null) {
      parts.add("city-" + city.replaceAll("[\\\\/:*?\"<>|\\s]+", "_"));
    }
    if (segment != null) {
      parts.add("segment-" + segment);
    }
    return String.join("-", parts) + ".csv";
  }
}
