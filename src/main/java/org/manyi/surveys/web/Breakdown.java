package org.manyi.surveys.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.internal.GroupBy;
import org.manyi.surveys.internal.Grouping;
import org.manyi.surveys.internal.SatisfactionMetrics;
import org.manyi.surveys.internal.Weighting;
import org.springframework.ui.Model;

/**
 * The breakdown table of the dashboard and the survey page: NPS, CSAT and CES per group of one
 * customer attribute, worst-performing first, each with its interval and small-sample warning, and
 * the weighted figures with their effective sample size when weights are chosen.
 */
final class Breakdown {

  /** One figure: value, 95% interval, the sample it rests on (n, or n_eff when weighted). */
  record Cell(double value, double low, double high, double n, boolean small) {}

  /**
   * A group's row.
   *
   * @param value the attribute value (city, stage name, owner ID...), null when unknown
   * @param label what the rollup calls the group (an owner's name rather than the ID)
   */
  record Row(
      @Nullable String value,
      String label,
      @Nullable Cell nps,
      @Nullable Cell npsWeighted,
      @Nullable Cell csat,
      @Nullable Cell csatWeighted,
      @Nullable Cell ces,
      @Nullable Cell cesWeighted) {

    /** A group with no figure yet. */
    static Row empty(@Nullable String value, String label) {
      return new Row(value, label, null, null, null, null, null, null);
    }

    Row withNps(Cell cell, @Nullable Cell weighted) {
      return new Row(value, label, cell, weighted, csat, csatWeighted, ces, cesWeighted);
    }

    Row withCsat(Cell cell, @Nullable Cell weighted) {
      return new Row(value, label, nps, npsWeighted, cell, weighted, ces, cesWeighted);
    }

    Row withCes(Cell cell, @Nullable Cell weighted) {
      return new Row(value, label, nps, npsWeighted, csat, csatWeighted, cell, weighted);
    }
  }

  private Breakdown() {}

  /** Adds the breakdown's rows and choices to the model, or its problem when the choice is bad. */
  static void addTo(
      Model model,
      SatisfactionMetrics metrics,
      SatisfactionMetrics.Filter filter,
      @Nullable String by,
      @Nullable String weight) {
    GroupBy attribute = GroupBy.CITY;
    Weighting weighting = Weighting.NONE;
    try {
      GroupBy chosen = GroupBy.parse(by);
      attribute = chosen.attribute() ? chosen : GroupBy.CITY;
      weighting = Weighting.parse(weight);
      model.addAttribute("breakdownRows", rows(metrics, filter, attribute, weighting));
    } catch (ProblemException e) {
      model.addAttribute("breakdownRows", List.of());
      model.addAttribute(
          "breakdownError", e.firstField() == null ? e.code() : e.firstField().code());
    }
    model.addAttribute("breakdownBy", attribute);
    model.addAttribute("breakdownWeight", weighting);
    model.addAttribute("breakdownAttributes", GroupBy.attributes());
    model.addAttribute("weightings", Weighting.values());
  }

  static List<Row> rows(
      SatisfactionMetrics metrics,
      SatisfactionMetrics.Filter filter,
      GroupBy attribute,
      Weighting weighting) {
    Grouping grouping = Grouping.of(attribute);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (SatisfactionMetrics.NpsRow r : metrics.nps(filter, grouping, weighting)) {
      var w = r.weighted();
      row(rows, r.value(), r.group())
          .put(
              Row::withNps,
              new Cell(r.nps(), r.ciLow(), r.ciHigh(), r.n(), r.smallSample()),
              w == null
                  ? null
                  : new Cell(w.nps(), w.ciLow(), w.ciHigh(), w.nEff(), w.smallSample()));
    }
    for (SatisfactionMetrics.CsatRow r : metrics.csat(filter, grouping, weighting)) {
      var w = r.weighted();
      row(rows, r.value(), r.group())
          .put(
              Row::withCsat,
              new Cell(r.top2Box(), r.ciLow(), r.ciHigh(), r.n(), r.smallSample()),
              w == null
                  ? null
                  : new Cell(w.top2Box(), w.ciLow(), w.ciHigh(), w.nEff(), w.smallSample()));
    }
    for (SatisfactionMetrics.CesRow r : metrics.ces(filter, grouping, weighting)) {
      var w = r.weighted();
      row(rows, r.value(), r.group())
          .put(
              Row::withCes,
              new Cell(r.mean(), r.ciLow(), r.ciHigh(), r.n(), r.smallSample()),
              w == null
                  ? null
                  : new Cell(w.mean(), w.ciLow(), w.ciHigh(), w.nEff(), w.smallSample()));
    }
    // worst-performing groups first (by NPS, then CSAT, then CES); unknown groups last
    return rows.values().stream()
        .sorted(
            java.util.Comparator.comparing((Row r) -> r.value() == null)
                .thenComparingDouble(r -> score(r.nps()))
                .thenComparingDouble(r -> score(r.csat()))
                .thenComparingDouble(r -> score(r.ces()))
                .thenComparing(r -> r.label().toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static double score(@Nullable Cell cell) {
    return cell == null ? Double.MAX_VALUE : cell.value();
  }

  /** One metric's figures for a group, set on the group's row (created on first sight). */
  private interface Setter {
    Row apply(Row row, Cell cell, @Nullable Cell weighted);
  }

  private record Slot(Map<String, Row> rows, String key, Row current) {
    void put(Setter setter, Cell cell, @Nullable Cell weighted) {
      rows.put(key, setter.apply(current, cell, weighted));
    }
  }

  private static Slot row(Map<String, Row> rows, @Nullable String value, String label) {
    String key = key(value);
    return new Slot(rows, key, rows.getOrDefault(key, Row.empty(value, label)));
  }

  private static String key(@Nullable String value) {
    return value == null ? "" : value;
  }
}
