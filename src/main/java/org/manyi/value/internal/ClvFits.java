package org.manyi.value.internal;

import static org.manyi.shared.Times.toDb;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.clv.BgNbdModel;
import org.manyi.clv.ChurnRiskModel;
import org.manyi.clv.ChurnScore;
import org.manyi.clv.ClvEstimate;
import org.manyi.clv.ClvHorizon;
import org.manyi.clv.CustomerBase;
import org.manyi.clv.CustomerLifetimeValue;
import org.manyi.clv.CustomerSummary;
import org.manyi.clv.GammaGammaModel;
import org.manyi.clv.HoldoutCheck;
import org.manyi.clv.HoldoutReport;
import org.manyi.clv.MbgNbdModel;
import org.manyi.clv.ModelType;
import org.manyi.clv.ParetoNbdModel;
import org.manyi.clv.PurchaseModel;
import org.manyi.clv.PurchaseModels;
import org.manyi.clv.TimeUnit;
import org.manyi.clv.Transaction;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lifetime-value fits on the company's own purchases: a purchase model (BG/NBD, Pareto/NBD or
 * MBG/NBD), the Gamma-Gamma spend model and the churn risk model, all fitted as of a calibration
 * end with nothing after it. A fit is stored with its parameters, so any customer can later be
 * scored as of the calibration end or a later date; the newest fit's scores of every customer are
 * kept for lists and segment figures.
 */
@Service
public class ClvFits {

  public static final String JOB_TYPE = "clv-fit";

  /** Default horizon in time units: a year. */
  static final int DEFAULT_HORIZON_WEEKS = 52;

  static final int DEFAULT_HORIZON_DAYS = 365;

  /** Default monthly discount rate (about 12.7 % a year). */
  static final double DEFAULT_DISCOUNT_RATE = 0.01;

  private static final double DAYS_PER_MONTH = 365.25 / 12;

  private static final int BATCH = 1000;

  /** Spend models on offer. */
  public enum SpendModel {
    GAMMA_GAMMA
  }

  /** A fit as requested; every field optional. */
  public record FitRequest(
      @Nullable LocalDate calibrationEnd,
      @Nullable String timeUnit,
      @Nullable String model,
      @Nullable String spendModel,
      @Nullable Integer horizon,
      @Nullable Double discountRate,
      @Nullable LocalDate holdoutEnd) {}

  /** Validated settings of a fit. */
  public record Settings(
      LocalDate calibrationEnd,
      TimeUnit timeUnit,
      ModelType model,
      SpendModel spendModel,
      int horizon,
      double discountRate,
      @Nullable LocalDate holdoutEnd) {

    /** The last day of the horizon after the calibration end. */
    LocalDate horizonEnd() {
      return calibrationEnd.plusDays((long) horizon * timeUnit.days());
    }

    /** The CLV horizon: one period per time unit, the monthly discount rate per unit. */
    ClvHorizon clvHorizon() {
      double perUnit = Math.pow(1 + discountRate, timeUnit.days() / DAYS_PER_MONTH) - 1;
      return new ClvHorizon(horizon, 1, perUnit);
    }
  }

  /** The fitted models as stored. */
  record Fitted(
      Settings settings,
      Map<String, Double> parameters,
      double logLikelihood,
      int customers,
      @Nullable GammaGammaModel spend,
      ChurnRiskModel.Parameters churn,
      @Nullable HoldoutReport holdout) {

    PurchaseModel purchaseModel() {
      Map<String, Double> p = parameters;
      return switch (settings.model()) {
        case BG_NBD ->
            new BgNbdModel(
                p.get("r"), p.get("alpha"), p.get("a"), p.get("b"), logLikelihood, customers);
        case MBG_NBD ->
            new MbgNbdModel(
                p.get("r"), p.get("alpha"), p.get("a"), p.get("b"), logLikelihood, customers);
        case PARETO_NBD ->
            new ParetoNbdModel(
                p.get("r"), p.get("alpha"), p.get("s"), p.get("beta"), logLikelihood, customers);
      };
    }
  }

  /**
   * What a fit job answers: the estimates by their literature names (absent when the model has no
   * such parameter), the holdout check when a holdout end was given, and the churn model used.
   */
  public record FitResult(
      UUID fitId,
      Settings settings,
      @Nullable Double r,
      @Nullable Double alpha,
      @Nullable Double a,
      @Nullable Double b,
      @Nullable Double s,
      @Nullable Double beta,
      double logLikelihood,
      @Nullable Double p,
      @Nullable Double q,
      @Nullable Double gamma,
      int customers,
      int repeatBuyers,
      String version,
      @Nullable HoldoutReport holdout,
      String churnMethod,
      @Nullable LocalDate churnTrainingCutOff) {}

  /** A stored fit as lists show it. */
  public record Fit(
      UUID id,
      Settings settings,
      int customers,
      double logLikelihood,
      Map<String, Double> parameters,
      @Nullable GammaGammaModel spend,
      @Nullable HoldoutReport holdout,
      String churnMethod,
      String version) {}

  /**
   * One customer's value under a fit, as of a date.
   *
   * @param asOf the date of the customer's history that was scored
   * @param fit the fit whose models were applied (calibration end on or before {@code asOf})
   * @param clv discounted value over the fit's horizon; null without a spend model
   */
  public record CustomerValue(
      LocalDate asOf,
      Fit fit,
      double pAlive,
      double expectedPurchases,
      @Nullable Double expectedAverageValue,
      @Nullable Double clv,
      ChurnScore churn,
      String modelVersion) {}

  /** A row of the newest fit's scores. */
  public record ScoreRow(
      CustomerId customer,
      double pAlive,
      double expectedPurchases,
      double expectedValue,
      double clv,
      double churnRisk) {}

  private final PurchaseSummaries purchases;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Jobs jobs;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final Clock clock = Clock.systemUTC();

  ClvFits(
      PurchaseSummaries purchases,
      JdbcClient jdbc,
      JdbcTemplate batch,
      Jobs jobs,
      TransactionTemplate transactions,
      JsonMapper json) {
    this.purchases = purchases;
    this.jdbc = jdbc;
    this.batch = batch;
    this.jobs = jobs;
    this.transactions = transactions;
    this.json = json;
  }

  /**
   * Validates the request and starts the fit as a job.
   *
   * @throws ProblemException 400 naming the offending field
   */
  public UUID start(@Nullable FitRequest request, String owner) {
    Settings settings = validate(request == null ? emptyRequest() : request);
    return jobs.submit(JOB_TYPE, owner, job -> job.result(run(settings, owner, job)));
  }

  private static FitRequest emptyRequest() {
    return new FitRequest(null, null, null, null, null, null, null);
  }

  Settings validate(FitRequest r) {
    LocalDate today = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    LocalDate end = r.calibrationEnd() == null ? today : r.calibrationEnd();
    if (end.isAfter(today)) {
      throw ProblemException.invalid("calibrationEnd", "value.clv.calibrationEnd.future");
    }
    TimeUnit unit = parse(TimeUnit.class, r.timeUnit(), TimeUnit.WEEK, "timeUnit");
    ModelType model = parse(ModelType.class, r.model(), ModelType.BG_NBD, "model");
    SpendModel spend =
        parse(SpendModel.class, r.spendModel(), SpendModel.GAMMA_GAMMA, "spendModel");
    int horizon =
        r.horizon() == null
            ? (unit == TimeUnit.WEEK ? DEFAULT_HORIZON_WEEKS : DEFAULT_HORIZON_DAYS)
            : r.horizon();
    if (horizon < 1 || horizon * unit.days() > 3660) {
      throw ProblemException.invalid("horizon", "value.clv.horizon.range");
    }
    double rate = r.discountRate() == null ? DEFAULT_DISCOUNT_RATE : r.discountRate();
    if (!(rate >= 0 && rate < 1)) {
      throw ProblemException.invalid("discountRate", "value.clv.discountRate.range");
    }
    LocalDate holdout = r.holdoutEnd();
    if (holdout != null && (!holdout.isAfter(end) || holdout.isAfter(today))) {
      throw ProblemException.invalid("holdoutEnd", "value.clv.holdoutEnd.range");
    }
    return new Settings(end, unit, model, spend, horizon, rate, holdout);
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, @Nullable String value, E fallback, String field) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, "value.clv.choice");
    }
  }

  FitResult run(Settings settings, String owner, @Nullable JobContext job) {
    LocalDate end =
        settings.holdoutEnd() == null ? settings.calibrationEnd() : settings.holdoutEnd();
    List<Transaction> log = new ArrayList<>();
    String[] lastId = {null};
    purchases.transactions(
        end,
        t -> {
          // the stream is ordered by customer: share one id string per customer
          String id = t.customer().value().toString();
          if (!id.equals(lastId[0])) {
            lastId[0] = id;
          }
          log.add(new Transaction(lastId[0], t.date(), t.amount().doubleValue()));
        });
    List<Transaction> calibration = new ArrayList<>(log.size());
    for (Transaction t : log) {
      if (!t.date().isAfter(settings.calibrationEnd())) {
        calibration.add(t);
      }
    }
    if (calibration.isEmpty()) {
      throw ProblemException.invalid("calibrationEnd", "value.clv.noData");
    }
    CustomerBase base =
        settings.holdoutEnd() == null
            ? CustomerBase.summarise(calibration, settings.calibrationEnd(), settings.timeUnit())
            : CustomerBase.summarise(
                log, settings.calibrationEnd(), settings.holdoutEnd(), settings.timeUnit());
    List<CustomerSummary> customers = base.customers();
    if (job != null) {
      job.total(customers.size());
      job.message("customers: " + customers.size() + ", purchases: " + calibration.size());
    }
    PurchaseModel purchase = PurchaseModels.fit(settings.model(), customers);
    GammaGammaModel spend;
    try {
      spend = GammaGammaModel.fit(customers);
    } catch (IllegalArgumentException noRepeatBuyers) {
      spend = null;
    }
    ChurnRiskModel churn =
        ChurnRiskModel.fit(
            calibration, settings.calibrationEnd(), settings.timeUnit(), settings.horizon());
    HoldoutReport holdout =
        settings.holdoutEnd() == null ? null : HoldoutCheck.evaluate(purchase, base);
    Fitted fitted =
        new Fitted(
            settings,
            purchase.parameters(),
            purchase.logLikelihood(),
            purchase.customers(),
            spend,
            churn.parameters(),
            holdout);
    UUID id = UUID.randomUUID();
    store(id, fitted, owner, customers, churn, job);
    Map<String, Double> p = purchase.parameters();
    int repeaters = 0;
    for (CustomerSummary c : customers) {
      repeaters += c.frequency() > 0 ? 1 : 0;
    }
    if (job != null) {
      job.message("fitted " + purchase.version() + ", log-likelihood " + purchase.logLikelihood());
    }
    return new FitResult(
        id,
        settings,
        p.get("r"),
        p.get("alpha"),
        p.get("a"),
        p.get("b"),
        p.get("s"),
        p.get("beta"),
        purchase.logLikelihood(),
        spend == null ? null : spend.p(),
        spend == null ? null : spend.q(),
        spend == null ? null : spend.gamma(),
        customers.size(),
        repeaters,
        purchase.version(),
        holdout,
        churn.method().name(),
        churn.trainingCutOff());
  }

  private void store(
      UUID id,
      Fitted fitted,
      String owner,
      List<CustomerSummary> customers,
      ChurnRiskModel churn,
      @Nullable JobContext job) {
    Settings s = fitted.settings();
    PurchaseModel purchase = fitted.purchaseModel();
    Map<String, Double> risk = new HashMap<>();
    for (ChurnScore score : churn.scoreAll()) {
      risk.put(score.customerId(), score.risk());
    }
    List<Object[]> rows = new ArrayList<>(customers.size());
    for (CustomerSummary c : customers) {
      Scored v = score(purchase, fitted.spend(), s, c);
      rows.add(
          new Object[] {
            UUID.fromString(c.customerId()),
            id,
            v.pAlive,
            v.expectedPurchases,
            v.expectedValue == null ? 0 : v.expectedValue,
            v.clv == null ? 0 : v.clv,
            risk.getOrDefault(c.customerId(), 0.0)
          });
    }
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "INSERT INTO clv_fit (id, calibration_end, time_unit, model, spend_model,"
                      + " horizon, discount_rate, customers, log_likelihood, fitted, created_at,"
                      + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  id,
                  Date.valueOf(s.calibrationEnd()),
                  s.timeUnit().name(),
                  s.model().name(),
                  s.spendModel().name(),
                  s.horizon(),
                  s.discountRate(),
                  fitted.customers(),
                  fitted.logLikelihood(),
                  json.writeValueAsString(fitted),
                  toDb(clock.instant()),
                  owner)
              .update();
          jdbc.sql("DELETE FROM clv_score").update();
          for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate(
                "INSERT INTO clv_score (customer_id, fit_id, p_alive, expected_purchases,"
                    + " expected_value, clv, churn_risk) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows.subList(from, Math.min(rows.size(), from + BATCH)));
            if (job != null) {
              job.processed(Math.min(rows.size(), from + BATCH));
            }
          }
        });
  }

  private record Scored(
      double pAlive,
      double expectedPurchases,
      @Nullable Double expectedValue,
      @Nullable Double clv,
      String version) {}

  private static Scored score(
      PurchaseModel purchase, @Nullable GammaGammaModel spend, Settings s, CustomerSummary c) {
    double expected = purchase.expectedPurchases(s.horizon(), c);
    if (spend == null) {
      return new Scored(purchase.probabilityAlive(c), expected, null, null, purchase.version());
    }
    ClvEstimate e = CustomerLifetimeValue.estimate(purchase, spend, c, s.clvHorizon());
    return new Scored(
        purchase.probabilityAlive(c),
        expected,
        e.expectedAverageValue(),
        e.value(),
        e.modelVersion());
  }

  /** The newest fit. */
  public Optional<Fit> latest() {
    return fits("ORDER BY created_at DESC", List.of()).stream().findFirst();
  }

  /** The newest fit whose calibration end is on or before {@code date}. */
  public Optional<Fit> latestUpTo(LocalDate date) {
    return fits(
            "WHERE calibration_end <= ? ORDER BY calibration_end DESC, created_at DESC",
            List.of(Date.valueOf(date)))
        .stream()
        .findFirst();
  }

  /** The newest fits first. */
  public List<Fit> recent(int limit) {
    List<Fit> all = fits("ORDER BY created_at DESC", List.of());
    return all.size() > limit ? all.subList(0, limit) : all;
  }

  private List<Fit> fits(String clause, List<Object> params) {
    return jdbc.sql("SELECT id, fitted FROM clv_fit " + clause)
        .params(params)
        .query((rs, n) -> toFit(rs.getObject("id", UUID.class), rs.getString("fitted")))
        .list();
  }

  private Fit toFit(UUID id, String stored) {
    Fitted f = json.readValue(stored, Fitted.class);
    return new Fit(
        id,
        f.settings(),
        f.customers(),
        f.logLikelihood(),
        f.parameters(),
        f.spend(),
        f.holdout(),
        f.churn().method().name(),
        f.purchaseModel().version());
  }

  /** The models of the newest fit calibrated on or before {@code date}. */
  Optional<Fitted> fittedUpTo(LocalDate date) {
    return latestUpTo(date).flatMap(f -> fitted(f.id()));
  }

  private Optional<Fitted> fitted(UUID id) {
    return jdbc.sql("SELECT fitted FROM clv_fit WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .map(s -> json.readValue(s, Fitted.class));
  }

  /**
   * A customer's value as of {@code asOf} (the newest fit's calibration end when absent) under the
   * newest fit calibrated on or before that date, from the customer's purchases up to that date
   * only. Empty when no such fit exists or the customer had not bought by then.
   */
  public Optional<CustomerValue> valueOf(CustomerId customer, @Nullable LocalDate asOf) {
    Optional<Fit> fit = asOf == null ? latest() : latestUpTo(asOf);
    if (fit.isEmpty()) {
      return Optional.empty();
    }
    LocalDate date = asOf == null ? fit.get().settings().calibrationEnd() : asOf;
    List<Transaction> history = new ArrayList<>();
    String id = customer.value().toString();
    purchases
        .transactions(customer, date)
        .forEach(t -> history.add(new Transaction(id, t.date(), t.amount().doubleValue())));
    if (history.isEmpty()) {
      return Optional.empty();
    }
    Fitted f = fitted(fit.get().id()).orElseThrow();
    Settings s = f.settings();
    CustomerSummary c = CustomerBase.summarise(history, date, s.timeUnit()).customers().get(0);
    Scored v = score(f.purchaseModel(), f.spend(), s, c);
    ChurnScore churn = ChurnRiskModel.restore(f.churn()).score(c);
    return Optional.of(
        new CustomerValue(
            date,
            fit.get(),
            v.pAlive,
            v.expectedPurchases,
            v.expectedValue,
            v.clv,
            churn,
            v.version + "+" + churn.modelVersion()));
  }

  /** The newest fit's scores, highest CLV first. */
  public List<ScoreRow> topByClv(int limit) {
    return jdbc.sql(
            "SELECT customer_id, p_alive, expected_purchases, expected_value, clv, churn_risk FROM"
                + " clv_score ORDER BY clv DESC, customer_id LIMIT "
                + Math.max(1, limit))
        .query(
            (rs, n) ->
                new ScoreRow(
                    new CustomerId(rs.getObject("customer_id", UUID.class)),
                    rs.getDouble("p_alive"),
                    rs.getDouble("expected_purchases"),
                    rs.getDouble("expected_value"),
                    rs.getDouble("clv"),
                    rs.getDouble("churn_risk")))
        .list();
  }
}
