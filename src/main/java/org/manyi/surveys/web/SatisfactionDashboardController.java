package org.manyi.surveys.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import org.manyi.shared.PageRequest;
import org.manyi.surveys.internal.CustomerProfiles;
import org.manyi.surveys.internal.GroupBy;
import org.manyi.surveys.internal.Metrics;
import org.manyi.surveys.internal.SatisfactionMetrics;
import org.manyi.surveys.internal.SurveyManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The satisfaction dashboard: NPS, CSAT and CES over time with their intervals, surveys ranked
 * worst first, and the sample size a target precision needs.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_SURVEYS_READ')")
class SatisfactionDashboardController {

  static final String DASHBOARD = "surveys/dashboard";

  /** One period of a trend chart, whatever the metric: its value and 95% interval. */
  record TrendPoint(String group, double value, double low, double high, long n, boolean small) {}

  private static final double DEFAULT_MARGIN = 5;

  private final SatisfactionMetrics metrics;
  private final SurveyManagement surveys;
  private final CustomerProfiles profiles;

  SatisfactionDashboardController(
      SatisfactionMetrics metrics, SurveyManagement surveys, CustomerProfiles profiles) {
    this.profiles = profiles;
    this.metrics = metrics;
    this.surveys = surveys;
  }

  @GetMapping("/surveys/dashboard")
  String dashboard(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) UUID surveyId,
      @RequestParam(defaultValue = "month") String groupBy,
      @RequestParam(defaultValue = "5") double margin,
      @RequestParam(required = false) String breakdown,
      @RequestParam(required = false) String weight,
      Model model) {
    GroupBy grouping = GroupBy.parse(groupBy);
    SatisfactionMetrics.Filter filter = new SatisfactionMetrics.Filter(from, to, surveyId);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("surveyId", surveyId);
    model.addAttribute("groupBy", grouping.name().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute("groupings", new GroupBy[] {GroupBy.WEEK, GroupBy.MONTH, GroupBy.QUARTER});
    model.addAttribute(
        "surveys", surveys.list(null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items());
    model.addAttribute(
        "npsTrend",
        metrics.nps(filter, grouping).stream()
            .map(
                r ->
                    new TrendPoint(
                        r.group(), r.nps(), r.ciLow(), r.ciHigh(), r.n(), r.smallSample()))
            .toList());
    model.addAttribute(
        "csatTrend",
        metrics.csat(filter, grouping).stream()
            .map(
                r ->
                    new TrendPoint(
                        r.group(), r.top2Box(), r.ciLow(), r.ciHigh(), r.n(), r.smallSample()))
            .toList());
    model.addAttribute(
        "cesTrend",
        metrics.ces(filter, grouping).stream()
            .map(
                r ->
                    new TrendPoint(
                        r.group(), r.mean(), r.ciLow(), r.ciHigh(), r.n(), r.smallSample()))
            .toList());
    model.addAttribute(
        "npsBySurvey",
        metrics.nps(filter, GroupBy.SURVEY).stream()
            .sorted(Comparator.comparingDouble(SatisfactionMetrics.NpsRow::nps))
            .toList());
    double safeMargin = margin <= 0 || margin > 100 ? DEFAULT_MARGIN : margin;
    model.addAttribute("margin", safeMargin);
    model.addAttribute("sampleSize", Metrics.npsSampleSize(safeMargin));
    model.addAttribute("smallSample", Metrics.SMALL_SAMPLE);
    model.addAttribute("breakdownSurveyField", surveyId);
    model.addAttribute("tierHigh", profiles.highTier());
    model.addAttribute("tierMedium", profiles.mediumTier());
    Breakdown.addTo(model, metrics, filter, breakdown, weight);
    return DASHBOARD;
  }
}
