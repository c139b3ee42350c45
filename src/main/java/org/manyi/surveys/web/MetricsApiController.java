package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.surveys.internal.Grouping;
import org.manyi.surveys.internal.Metrics;
import org.manyi.surveys.internal.SatisfactionMetrics;
import org.manyi.surveys.internal.Weighting;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** NPS, CSAT and CES computed from item-level answers, with 95% intervals and sample sizes. */
@RestController
@RequestMapping("/api/v1/metrics")
@PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
@Tag(name = "Satisfaction metrics")
class MetricsApiController {

  /** Two NPS figures and whether their difference is more than chance. */
  record NpsComparison(
      SatisfactionMetrics.NpsRow a,
      SatisfactionMetrics.NpsRow b,
      double difference,
      double z,
      double p,
      boolean significant) {}

  private final SatisfactionMetrics metrics;

  MetricsApiController(SatisfactionMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * The query every metrics endpoint takes; dates are ISO days, bounds included.
   *
   * @param groupBy up to one period ({@code day}, {@code week}, {@code month}, {@code quarter}),
   *     {@code survey}, and up to one attribute ({@code city}, {@code stage}, {@code owner}, {@code
   *     value_tier}, {@code category}, {@code channel}), comma-separated: {@code month,city}
   * @param weight {@code value} (the customer's spend) or a post-stratification to the customer
   *     base by {@code stage}, {@code city} or {@code value_tier}; each row then carries {@code
   *     weighted} with Kish's effective sample size {@code nEff}
   */
  record MetricsQuery(
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
      @Nullable String groupBy,
      @Nullable UUID surveyId,
      @Nullable String weight) {

    SatisfactionMetrics.Filter filter() {
      return new SatisfactionMetrics.Filter(from, to, surveyId);
    }

    Grouping grouping() {
      return Grouping.parse(groupBy);
    }

    Weighting weighting() {
      return Weighting.parse(weight);
    }
  }

  @GetMapping("/nps")
  @Operation(summary = "NPS rows {group, n, promoters, passives, detractors, nps, ciLow, ciHigh}")
  List<SatisfactionMetrics.NpsRow> nps(@ParameterObject MetricsQuery query) {
    return metrics.nps(query.filter(), query.grouping(), query.weighting());
  }

  @GetMapping("/csat")
  @Operation(summary = "CSAT rows: top-2-box share with Wilson interval, and the mean")
  List<SatisfactionMetrics.CsatRow> csat(@ParameterObject MetricsQuery query) {
    return metrics.csat(query.filter(), query.grouping(), query.weighting());
  }

  @GetMapping("/ces")
  @Operation(summary = "CES 2.0 rows: mean (1–7, higher = easier) with t interval")
  List<SatisfactionMetrics.CesRow> ces(@ParameterObject MetricsQuery query) {
    return metrics.ces(query.filter(), query.grouping(), query.weighting());
  }

  @GetMapping("/nps/compare")
  @Operation(summary = "NPS of period b minus period a, with a z-test on the difference")
  NpsComparison compare(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate aFrom,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate aTo,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bFrom,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bTo,
      @RequestParam(required = false) UUID surveyId) {
    Metrics.NpsComparison c =
        metrics.compare(
            new SatisfactionMetrics.Filter(aFrom, aTo, surveyId),
            new SatisfactionMetrics.Filter(bFrom, bTo, surveyId));
    return new NpsComparison(
        row("a", c.a()), row("b", c.b()), c.difference(), c.z(), c.p(), c.significant());
  }

  private static SatisfactionMetrics.NpsRow row(String group, Metrics.Nps n) {
    return new SatisfactionMetrics.NpsRow(
        group,
        n.n(),
        n.promoters(),
        n.passives(),
        n.detractors(),
        n.nps(),
        n.ciLow(),
        n.ciHigh(),
        n.smallSample(),
        null,
        null,
        null,
        null);
  }
}
