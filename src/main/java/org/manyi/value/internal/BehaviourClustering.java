package org.manyi.value.internal;

import static org.manyi.shared.Times.toDb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.orders.PurchaseMix;
import org.manyi.orders.PurchaseMixes;
import org.manyi.orders.PurchaseSummaries;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.CustomerSatisfaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Behavioural clusters of the buyers as of today: the features of {@link FeatureMatrix}, k-means
 * for each k of a range and the k with the best silhouette ({@link KMeansSelection}), each cluster
 * described by the features that set it apart. Runs as a job; the latest run's cluster per customer
 * is kept for the 360 page. Clusters are numbered by revenue, 1 the most valuable.
 */
@Service
public class BehaviourClustering {

  public static final String JOB_TYPE = "cluster-run";
  static final int DEFAULT_MIN_K = 2;
  static final int DEFAULT_MAX_K = 8;
  static final int LIMIT_K = 15;
  static final long DEFAULT_SEED = 42;

  /** A feature this many standard deviations from the average describes a cluster. */
  static final double TRAIT_THRESHOLD = 0.5;

  static final int MAX_TRAITS = 3;

  /** A finished run. */
  public record Run(
      UUID id,
      LocalDate asOf,
      int k,
      double silhouette,
      int customers,
      long seed,
      int minK,
      int maxK) {}

  /** One cluster of a run with its size, value and what sets it apart. */
  public record Profile(
      int cluster,
      int customers,
      double share,
      BigDecimal revenue,
      double revenueShare,
      double recencyDays,
      double frequency,
      double monetary,
      double averageOrder,
      double tenureDays,
      @Nullable Double satisfaction,
      @Nullable String topCategory,
      @Nullable String topChannel,
      List<ClusterTrait> traits) {}

  /** A customer's cluster in the latest run. */
  public record Membership(UUID runId, int cluster, Profile profile) {}

  private final PurchaseSummaries purchases;
  private final PurchaseMixes mixes;
  private final CustomerSatisfaction satisfaction;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Jobs jobs;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  BehaviourClustering(
      PurchaseSummaries purchases,
      PurchaseMixes mixes,
      CustomerSatisfaction satisfaction,
      JdbcClient jdbc,
      JdbcTemplate batch,
      Jobs jobs,
      TransactionTemplate transactions) {
    this.purchases = purchases;
    this.mixes = mixes;
    this.satisfaction = satisfaction;
    this.jdbc = jdbc;
    this.batch = batch;
    this.jobs = jobs;
    this.transactions = transactions;
  }

  /**
   * Starts a run as a job.
   *
   * @param minK the smallest k to try, 2 when absent
   * @param maxK the largest k to try, 8 when absent; at most 15
   * @param seed the seed of every random choice, 42 when absent
   */
  public UUID start(
      @Nullable Integer minK, @Nullable Integer maxK, @Nullable Long seed, String owner) {
    int low = minK == null ? DEFAULT_MIN_K : minK;
    int high = maxK == null ? Math.max(low, DEFAULT_MAX_K) : maxK;
    if (low < 2 || low > LIMIT_K) {
      throw ProblemException.invalid("minK", "value.clusters.k.range", 2, LIMIT_K);
    }
    if (high < low || high > LIMIT_K) {
      throw ProblemException.invalid("maxK", "value.clusters.k.order", low, LIMIT_K);
    }
    long s = seed == null ? DEFAULT_SEED : seed;
    LocalDate asOf = LocalDate.now(clock.withZone(RfmAnalysis.BUSINESS_ZONE));
    return jobs.submit(JOB_TYPE, owner, job -> job.result(run(asOf, low, high, s, job)));
  }

  Run run(LocalDate asOf, int minK, int maxK, long seed, @Nullable JobContext job) {
    List<BehaviourRow> rows = rows(asOf);
    if (job != null) {
      job.message("buyers: " + rows.size());
      job.total(maxK - minK + 2); // each k tried, then the chosen one on everybody
    }
    FeatureMatrix matrix = FeatureMatrix.of(rows);
    KMeansSelection.Result result =
        KMeansSelection.select(
            matrix.points(),
            minK,
            maxK,
            seed,
            k -> {
              if (job != null) {
                job.checkCancelled();
                job.processed(k - minK + 1);
              }
            });
    if (job != null) {
      result
          .scores()
          .forEach(s -> job.message("k=" + s.k() + " silhouette=" + round(s.silhouette())));
      job.message("chosen k=" + result.k());
    }
    List<Profile> profiles = profiles(rows, matrix, result);
    int[] renumber = new int[result.k()];
    for (int i = 0; i < profiles.size(); i++) {
      renumber[profiles.get(i).cluster()] = i + 1;
    }
    UUID id = UUID.randomUUID();
    Run run = new Run(id, asOf, result.k(), result.silhouette(), rows.size(), seed, minK, maxK);
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "INSERT INTO cluster_run (id, created_at, as_of, k, silhouette, customers, seed,"
                      + " min_k, max_k) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  id,
                  toDb(clock.instant()),
                  Date.valueOf(asOf),
                  run.k(),
                  run.silhouette(),
                  run.customers(),
                  seed,
                  minK,
                  maxK)
              .update();
          for (KMeansSelection.KScore s : result.scores()) {
            jdbc.sql("INSERT INTO cluster_run_k (run_id, k, silhouette) VALUES (?, ?, ?)")
                .params(id, s.k(), s.silhouette())
                .update();
          }
          for (int i = 0; i < profiles.size(); i++) {
            Profile p = profiles.get(i);
            jdbc.sql(
                    "INSERT INTO cluster_profile (run_id, cluster_no, customers, revenue,"
                        + " recency_days, frequency, monetary, average_order, tenure_days,"
                        + " satisfaction, top_category, top_channel, traits) VALUES (?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    id,
                    i + 1,
                    p.customers(),
                    p.revenue(),
                    p.recencyDays(),
                    p.frequency(),
                    p.monetary(),
                    p.averageOrder(),
                    p.tenureDays(),
                    p.satisfaction(),
                    p.topCategory(),
                    p.topChannel(),
                    String.join(";", p.traits().stream().map(ClusterTrait::encode).toList()))
                .update();
          }
          jdbc.sql("DELETE FROM customer_cluster").update();
          List<Object[]> members = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            members.add(
                new Object[] {
                  rows.get(i).customer().value(), id, renumber[result.assignment()[i]]
                });
            if (members.size() == 1000 || i == rows.size() - 1) {
              batch.batchUpdate(
                  "INSERT INTO customer_cluster (customer_id, run_id, cluster_no) VALUES (?, ?,"
                      + " ?)",
                  members);
              members.clear();
            }
          }
        });
    return run;
  }

  /** Every buyer's behaviour up to the date. */
  List<BehaviourRow> rows(LocalDate asOf) {
    Map<CustomerId, PurchaseMix> mix = mixes.all();
    Map<CustomerId, Double> scores = satisfaction.scores();
    List<BehaviourRow> rows = new ArrayList<>();
    Totals current = new Totals();
    purchases.transactions(
        asOf,
        t -> {
          if (current.customer != null && !current.customer.equals(t.customer())) {
            rows.add(current.row(asOf, mix, scores));
            current.reset();
          }
          current.add(t.customer(), t.date(), t.amount());
        });
    if (current.customer != null) {
      rows.add(current.row(asOf, mix, scores));
    }
    return rows;
  }

  /** Profiles ordered by revenue, highest first; {@code cluster} is the k-means index. */
  static List<Profile> profiles(
      List<BehaviourRow> rows, FeatureMatrix matrix, KMeansSelection.Result result) {
    int k = result.k();
    int columns = matrix.columns().size();
    int[] size = new int[k];
    double[] revenue = new double[k];
    double[][] raw = new double[k][5];
    double[] satisfactionSum = new double[k];
    int[] satisfactionCount = new int[k];
    double[][] z = new double[k][columns];
    Map<String, Double>[] categories = newMaps(k);
    Map<String, Double>[] channels = newMaps(k);
    for (int i = 0; i < rows.size(); i++) {
      int c = result.assignment()[i];
      BehaviourRow r = rows.get(i);
      size[c]++;
      revenue[c] += r.monetary();
      raw[c][0] += r.recencyDays();
      raw[c][1] += r.frequency();
      raw[c][2] += r.monetary();
      raw[c][3] += r.averageOrder();
      raw[c][4] += r.tenureDays();
      if (r.satisfaction() != null) {
        satisfactionSum[c] += r.satisfaction();
        satisfactionCount[c]++;
      }
      for (int col = 0; col < columns; col++) {
        z[c][col] += matrix.unweighted(i, col);
      }
      Map<String, Double> cat = categories[c];
      r.categoryShares().forEach((key, v) -> cat.merge(key, v, Double::sum));
      Map<String, Double> ch = channels[c];
      r.channelShares().forEach((key, v) -> ch.merge(key, v, Double::sum));
    }
    double totalRevenue = Arrays.stream(revenue).sum();
    List<Profile> profiles = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int n = Math.max(1, size[c]);
      List<ClusterTrait> traits = new ArrayList<>();
      for (int col = 0; col < columns; col++) {
        double mean = z[c][col] / n;
        if (Math.abs(mean) >= TRAIT_THRESHOLD) {
          FeatureMatrix.Column column = matrix.columns().get(col);
          traits.add(
              new ClusterTrait(
                  column.feature(),
                  mean > 0 ? ClusterTrait.Direction.HIGH : ClusterTrait.Direction.LOW,
                  column.label(),
                  mean));
        }
      }
      traits.sort(Comparator.comparingDouble((ClusterTrait t) -> -Math.abs(t.z())));
      profiles.add(
          new Profile(
              c,
              size[c],
              rows.isEmpty() ? 0 : (double) size[c] / rows.size(),
              BigDecimal.valueOf(revenue[c]).setScale(2, RoundingMode.HALF_UP),
              totalRevenue == 0 ? 0 : revenue[c] / totalRevenue,
              raw[c][0] / n,
              raw[c][1] / n,
              raw[c][2] / n,
              raw[c][3] / n,
              raw[c][4] / n,
              satisfactionCount[c] == 0 ? null : satisfactionSum[c] / satisfactionCount[c],
              top(categories[c]),
              top(channels[c]),
              List.copyOf(traits.subList(0, Math.min(MAX_TRAITS, traits.size())))));
    }
    profiles.sort(
        Comparator.comparing(Profile::revenue).reversed().thenComparingInt(Profile::cluster));
    return profiles;
  }

  public Optional<Run> latest() {
    return jdbc.sql(
            "SELECT id, as_of, k, silhouette, customers, seed, min_k, max_k FROM cluster_run"
                + " ORDER BY created_at DESC LIMIT 1")
        .query(
            (rs, n) ->
                new Run(
                    rs.getObject("id", UUID.class),
                    rs.getDate("as_of").toLocalDate(),
                    rs.getInt("k"),
                    rs.getDouble("silhouette"),
                    rs.getInt("customers"),
                    rs.getLong("seed"),
                    rs.getInt("min_k"),
                    rs.getInt("max_k")))
        .optional();
  }

  /** The silhouette of each k tried in the run. */
  public Map<Integer, Double> silhouettes(UUID run) {
    Map<Integer, Double> scores = new java.util.TreeMap<>();
    jdbc.sql("SELECT k, silhouette FROM cluster_run_k WHERE run_id = ?")
        .param(run)
        .query(
            rs -> {
              scores.put(rs.getInt("k"), rs.getDouble("silhouette"));
            });
    return scores;
  }

  /** The run's clusters, the most valuable first. */
  public List<Profile> profiles(UUID run) {
    List<Profile> profiles =
        jdbc.sql(
                "SELECT cluster_no, customers, revenue, recency_days, frequency, monetary,"
                    + " average_order, tenure_days, satisfaction, top_category, top_channel, traits"
                    + " FROM cluster_profile WHERE run_id = ? ORDER BY cluster_no")
            .param(run)
            .query((rs, n) -> profile(rs))
            .list();
    long customers = profiles.stream().mapToLong(Profile::customers).sum();
    BigDecimal revenue =
        profiles.stream().map(Profile::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    return profiles.stream()
        .map(
            p ->
                new Profile(
                    p.cluster(),
                    p.customers(),
                    customers == 0 ? 0 : (double) p.customers() / customers,
                    p.revenue(),
                    revenue.signum() == 0
                        ? 0
                        : p.revenue().divide(revenue, 6, RoundingMode.HALF_UP).doubleValue(),
                    p.recencyDays(),
                    p.frequency(),
                    p.monetary(),
                    p.averageOrder(),
                    p.tenureDays(),
                    p.satisfaction(),
                    p.topCategory(),
                    p.topChannel(),
                    p.traits()))
        .toList();
  }

  /** The customer's cluster in the latest run; empty when the customer was not clustered. */
  public Optional<Membership> clusterOf(CustomerId customer) {
    Optional<Run> run = latest();
    if (run.isEmpty()) {
      return Optional.empty();
    }
    UUID id = run.get().id();
    return jdbc.sql("SELECT cluster_no FROM customer_cluster WHERE customer_id = ? AND run_id = ?")
        .params(customer.value(), id)
        .query(Integer.class)
        .optional()
        .flatMap(
            no ->
                profiles(id).stream()
                    .filter(p -> p.cluster() == no)
                    .findFirst()
                    .map(p -> new Membership(id, no, p)));
  }

  /** A stored profile; the shares are filled in by the caller, which sees every cluster. */
  private static Profile profile(java.sql.ResultSet rs) throws java.sql.SQLException {
    String traits = rs.getString("traits");
    double satisfaction = rs.getDouble("satisfaction");
    boolean noSatisfaction = rs.wasNull();
    return new Profile(
        rs.getInt("cluster_no"),
        rs.getInt("customers"),
        0,
        rs.getBigDecimal("revenue"),
        0,
        rs.getDouble("recency_days"),
        rs.getDouble("frequency"),
        rs.getDouble("monetary"),
        rs.getDouble("average_order"),
        rs.getDouble("tenure_days"),
        noSatisfaction ? null : satisfaction,
        rs.getString("top_category"),
        rs.getString("top_channel"),
        traits == null || traits.isEmpty()
            ? List.of()
            : Arrays.stream(traits.split(";")).map(ClusterTrait::decode).toList());
  }

  private static @Nullable String top(Map<String, Double> totals) {
    return totals.entrySet().stream()
        .max(
            Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double>[] newMaps(int k) {
    Map<String, Double>[] maps = new Map[k];
    for (int i = 0; i < k; i++) {
      maps[i] = new HashMap<>();
    }
    return maps;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** One customer's purchases as they stream by. */
  private static final class Totals {
    @Nullable CustomerId customer;
    @Nullable LocalDate first;
    @Nullable LocalDate last;
    int count;
    double spend;

    void add(CustomerId who, LocalDate date, BigDecimal amount) {
      customer = who;
      if (first == null || date.isBefore(first)) {
        first = date;
      }
      if (last == null || date.isAfter(last)) {
        last = date;
      }
      count++;
      spend += amount.doubleValue();
    }

    BehaviourRow row(
        LocalDate asOf, Map<CustomerId, PurchaseMix> mixes, Map<CustomerId, Double> scores) {
      CustomerId who = Objects.requireNonNull(customer);
      PurchaseMix mix = mixes.get(who);
      return new BehaviourRow(
          who,
          ChronoUnit.DAYS.between(Objects.requireNonNull(last), asOf),
          count,
          spend,
          ChronoUnit.DAYS.between(Objects.requireNonNull(first), asOf),
          scores.get(who),
          mix == null ? Map.of() : shares(mix.spendByCategory()),
          mix == null ? Map.of() : counts(mix.purchasesByChannel()));
    }

    private static Map<String, Double> shares(Map<String, BigDecimal> amounts) {
      double total = amounts.values().stream().mapToDouble(BigDecimal::doubleValue).sum();
      Map<String, Double> shares = new HashMap<>();
      if (total > 0) {
        amounts.forEach((k, v) -> shares.put(k, v.doubleValue() / total));
      }
      return shares;
    }

    private static Map<String, Double> counts(Map<String, Integer> counts) {
      double total = counts.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Double> shares = new HashMap<>();
      if (total > 0) {
        counts.forEach((k, v) -> shares.put(k, v / total));
      }
      return shares;
    }

    void reset() {
      customer = null;
      first = null;
      last = null;
      count = 0;
      spend = 0;
    }
  }
}
