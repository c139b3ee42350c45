package org.manyi.value.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerId;
import org.manyi.identity.CurrentUser;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.manyi.value.internal.ChurnBacktests;
import org.manyi.value.internal.ChurnWarnings;
import org.manyi.value.internal.ClvFits;
import org.manyi.value.internal.RfmAnalysis;
import org.manyi.value.internal.RfmScore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** RFM runs, segments, value deciles and a customer's value as JSON. */
@RestController
@Tag(name = "Customer value", description = "RFM segments and value concentration")
class ValueApiController {

  private final RfmAnalysis rfm;
  private final ChurnWarnings warnings;
  private final ChurnBacktests backtests;
  private final CustomerAccess access;
  private final ClvFits fits;
  private final ChurnReasonTexts reasonTexts;

  ValueApiController(
      RfmAnalysis rfm,
      ChurnWarnings warnings,
      ChurnBacktests backtests,
      CustomerAccess access,
      ClvFits fits,
      ChurnReasonTexts reasonTexts) {
    this.fits = fits;
    this.reasonTexts = reasonTexts;
    this.backtests = backtests;
    this.rfm = rfm;
    this.warnings = warnings;
    this.access = access;
  }

  /** A run to start; both fields optional (today, 12 months). */
  record RunRequest(@Nullable LocalDate asOf, @Nullable Integer windowMonths) {}

  record Started(UUID jobId) {}

  record Segments(RfmAnalysis.@Nullable Run run, List<RfmAnalysis.SegmentRow> segments) {}

  /**
   * @param topToBottomRatio revenue of the top tenth divided by that of the bottom tenth; absent
   *     when the bottom tenth spent nothing
   */
  record Deciles(
      RfmAnalysis.@Nullable Run run,
      List<RfmAnalysis.Decile> deciles,
      @Nullable Double topToBottomRatio) {}

  /**
   * A customer's value: RFM and segment of the latest RFM run, the lifetime-value figures and churn
   * risk as of {@code asOf} under the newest CLV fit calibrated by then, and open churn warnings.
   * The model figures are null when no fit exists yet or the customer had not bought by then.
   *
   * @param asOf the date of the history scored: the request's, else the fit's calibration end
   * @param expectedPurchases expected purchases over the fit's horizon
   * @param clv discounted value over the fit's horizon
   * @param churnRisk 0–1, higher = more likely to make no purchase in the horizon
   * @param churnReasons the reasons behind the risk, strongest first, in the request's language
   * @param fitId the CLV fit that produced the figures
   */
  record Value(
      UUID customerId,
      @Nullable LocalDate asOf,
      @Nullable RfmScore rfm,
      @Nullable String segment,
      @Nullable Double pAlive,
      @Nullable Double expectedPurchases,
      @Nullable Double expectedAverageValue,
      @Nullable Double clv,
      @Nullable Double churnRisk,
      List<String> churnReasons,
      List<ChurnWarnings.Warning> churnWarnings,
      @Nullable String modelVersion,
      @Nullable UUID fitId,
      @Nullable LocalDate fitCalibrationEnd) {}

  /** A backtest to run: the cut-off date, the horizon after it, the precision wanted. */
  record BacktestRequest(
      @Nullable LocalDate cutoff,
      @Nullable Integer horizonDays,
      @Nullable Double targetPrecision) {}

  @PostMapping("/api/v1/analytics/clv/fits")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Fit the purchase model (BG_NBD, PARETO_NBD or MBG_NBD), Gamma-Gamma and the churn risk"
              + " model on purchases up to calibrationEnd (202, job whose result holds r, alpha,"
              + " a, b (or s, beta), logLikelihood, p, q, gamma, customers and, with holdoutEnd,"
              + " the holdout check); discountRate is monthly, horizon in timeUnit")
  ResponseEntity<Started> fit(
      @RequestBody(required = false) ClvFits.@Nullable FitRequest request, CurrentUser me) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Started(fits.start(request, me.username())));
  }

  @GetMapping("/api/v1/analytics/clv/fits")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "The stored CLV fits, newest first")
  List<ClvFits.Fit> fits(@RequestParam(defaultValue = "20") int limit) {
    return fits.recent(Math.max(1, Math.min(limit, 100)));
  }

  @PostMapping("/api/v1/analytics/churn/backtests")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(
      summary =
          "Backtest the churn signals on the purchase history: score as of the cut-off, compare"
              + " with the horizon after it (202, job whose result holds AUC and top-decile"
              + " figures per signal, calibration and the proposed default)")
  ResponseEntity<Started> backtest(
      @RequestBody(required = false) @Nullable BacktestRequest request, CurrentUser me) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new Started(
                backtests.start(
                    request == null ? null : request.cutoff(),
                    request == null ? null : request.horizonDays(),
                    request == null ? null : request.targetPrecision(),
                    me.username())));
  }

  /** A warning run to start; as of today when absent. */
  record WarningRunRequest(@Nullable LocalDate asOf) {}

  @PostMapping("/api/v1/analytics/churn/warnings/runs")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "Run the churn early warnings as of a date (202, job); daily by itself")
  ResponseEntity<Started> warningRun(
      @RequestBody(required = false) @Nullable WarningRunRequest request, CurrentUser me) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Started(warnings.start(request == null ? null : request.asOf(), me.username())));
  }

  @GetMapping("/api/v1/analytics/churn/warnings")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "Churn warnings by value at risk; open ones unless open=false")
  PageResult<ChurnWarnings.Warning> warnings(
      @RequestParam(defaultValue = "true") boolean open,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return warnings.list(open, PageRequest.of(page, size));
  }

  @PostMapping("/api/v1/analytics/rfm/runs")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "Recompute RFM scores and segments as of a date (202, job)")
  ResponseEntity<Started> run(
      @RequestBody(required = false) @Nullable RunRequest request, CurrentUser me) {
    UUID job =
        rfm.start(
            request == null ? null : request.asOf(),
            request == null ? null : request.windowMonths(),
            me.username());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(job));
  }

  @GetMapping("/api/v1/analytics/rfm/segments")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "Customers and revenue per RFM segment in the latest run")
  Segments segments() {
    return new Segments(rfm.latest().orElse(null), rfm.segments());
  }

  @GetMapping("/api/v1/analytics/deciles")
  @PreAuthorize("hasAuthority('PERM_SATISFACTION_ANALYSE')")
  @Operation(summary = "Revenue share per value decile (top tenth first) in the latest run")
  Deciles deciles() {
    List<RfmAnalysis.Decile> deciles = rfm.deciles();
    Double ratio = null;
    if (deciles.size() == 10 && deciles.get(9).revenue().signum() > 0) {
      ratio = deciles.get(0).revenue().doubleValue() / deciles.get(9).revenue().doubleValue();
    }
    return new Deciles(rfm.latest().orElse(null), deciles, ratio);
  }

  @GetMapping("/api/v1/customers/{id}/value")
  @PreAuthorize("hasAuthority('PERM_CUSTOMERS_READ')")
  @Operation(
      summary =
          "A customer's value: RFM and segment, P(alive), expected purchases, CLV, churn risk"
              + " with reasons (as of asOf, using purchases up to that date only) and open"
              + " warnings")
  Value value(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate asOf,
      CurrentUser me,
      Locale locale) {
    CustomerId customer = new CustomerId(id);
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("customer.notFound");
    }
    RfmScore score = rfm.score(customer).orElse(null);
    ClvFits.CustomerValue v = fits.valueOf(customer, asOf).orElse(null);
    return new Value(
        id,
        v == null ? asOf : v.asOf(),
        score,
        score == null ? null : score.segment().name(),
        v == null ? null : v.pAlive(),
        v == null ? null : v.expectedPurchases(),
        v == null ? null : v.expectedAverageValue(),
        v == null ? null : v.clv(),
        v == null ? null : v.churn().risk(),
        v == null ? List.of() : reasonTexts.of(v.churn().reasons(), locale),
        warnings.openFor(customer),
        v == null ? null : v.modelVersion(),
        v == null ? null : v.fit().id(),
        v == null ? null : v.fit().settings().calibrationEnd());
  }
}
