package org.manyi.pls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.jspecify.annotations.Nullable;

/**
 * Estimates PLS path models (Wold/Lohmöller algorithm as implemented by R plspm). Stateless and
 * thread-safe.
 *
 * <p>Cases with a missing answer on any model item are dropped (listwise deletion); {@link
 * PlsResult#n()} and {@link PlsResult#casesDropped()} report the effect.
 */
public final class PlsEstimator {

  /** Receives bootstrap progress; called on the estimating thread after every resample. */
  @FunctionalInterface
  public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (done, total) -> {};

    void onProgress(int done, int total);
  }

  private static final double LOWER_PERCENTILE = 0.025;
  private static final double UPPER_PERCENTILE = 0.975;
  private static final double INDEX_RANGE = 100.0;

  /** Estimates the model without reporting progress or allowing cancellation. */
  public PlsResult estimate(PlsModel model, DataTable data) {
    return estimate(model, data, ProgressListener.NONE, () -> false);
  }

  /**
   * Estimates the model, with bootstrap when {@link PlsModel#bootstrap()} is positive.
   *
   * @param progress told after each bootstrap resample
   * @param cancelled polled before each bootstrap resample
   * @throws InvalidModelException when an item is absent from the data or not numeric, too few
   *     complete cases remain, an item has no variance, or a formative block is collinear
   * @throws CancellationException when {@code cancelled} turns true during the bootstrap
   */
  public PlsResult estimate(
      PlsModel model, DataTable data, ProgressListener progress, BooleanSupplier cancelled) {
    Prepared prepared = Prepared.of(model, data);
    double[][] s = prepared.treatedCovariance(prepared.covariance);
    PlsAlgorithm algorithm = prepared.newAlgorithm(model);
    Estimates estimates = fitOrFail(algorithm, s, prepared);

    BootstrapSummary bootstrap = null;
    if (model.bootstrap() > 0) {
      Draws draws = bootstrap(model, prepared, progress, cancelled);
      bootstrap = summarize(model, prepared, estimates, index(prepared, estimates), draws);
    }
    return assemble(model, prepared, algorithm, estimates, bootstrap);
  }

  private static Estimates fitOrFail(PlsAlgorithm algorithm, double[][] s, Prepared prepared) {
    boolean ok;
    Estimates estimates = null;
    try {
      ok = algorithm.fit(s);
      if (ok) {
        estimates = Estimates.from(algorithm, s, prepared);
      }
    } catch (MathRuntimeException e) {
      throw new InvalidModelException(
          "paths",
          "The construct scores are collinear, so the inner regressions have no solution.");
    }
    if (!ok) {
      String construct = prepared.constructs.get(algorithm.failedConstruct());
      throw new InvalidModelException(
          construct,
          "Construct '"
              + construct
              + "' cannot be estimated: its items have no variance together, or, for a formative"
              + " block, some items are linear combinations of the others.");
    }
    return Objects.requireNonNull(estimates);
  }

  // ---------------------------------------------------------------------------------------------
  // results

  private PlsResult assemble(
      PlsModel model,
      Prepared p,
      PlsAlgorithm algorithm,
      Estimates est,
      @Nullable BootstrapSummary bootstrap) {
    List<PathCoefficient> paths = new ArrayList<>();
    for (int q = 0; q < p.pathFrom.length; q++) {
      String from = p.constructs.get(p.pathFrom[q]);
      String to = p.constructs.get(p.pathTo[q]);
      double estimate = est.paths[q];
      if (bootstrap != null) {
        BootstrapEstimate b = bootstrap.paths().get(BootstrapSummary.pathKey(from, to));
        paths.add(new PathCoefficient(from, to, estimate, b.standardError(), b.low(), b.high()));
      } else {
        paths.add(new PathCoefficient(from, to, estimate, null, null, null));
      }
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    Map<String, Double> loadings = new LinkedHashMap<>();
    Map<String, Map<String, Double>> cross = new LinkedHashMap<>();
    for (int a = 0; a < p.items.size(); a++) {
      weights.put(p.items.get(a), est.weights[a]);
      loadings.put(p.items.get(a), est.loadings[a]);
      Map<String, Double> row = new LinkedHashMap<>();
      for (int j = 0; j < p.constructs.size(); j++) {
        row.put(p.constructs.get(j), est.crossLoadings[a][j]);
      }
      cross.put(p.items.get(a), Collections.unmodifiableMap(row));
    }
    Map<String, Double> rSquared = new LinkedHashMap<>();
    for (int j = 0; j < p.constructs.size(); j++) {
      if (p.predecessors[j].length > 0) {
        rSquared.put(p.constructs.get(j), est.rSquared[j]);
      }
    }
    return new PlsResult(
        p.n,
        p.dropped,
        algorithm.iterations(),
        algorithm.converged(),
        List.copyOf(paths),
        Collections.unmodifiableMap(weights),
        Collections.unmodifiableMap(loadings),
        Collections.unmodifiableMap(cross),
        Collections.unmodifiableMap(rSquared),
        effects(p, est),
        reliability(model, p, est),
        index(p, est),
        goodnessOfFit(p, est),
        scores(p, est),
        bootstrap);
  }

  /** Direct, indirect and total effects from powers of the path-coefficient matrix. */
  private static List<Effect> effects(Prepared p, Estimates est) {
    int l = p.constructs.size();
    double[][] direct = new double[l][l];
    boolean[][] reach = new boolean[l][l];
    for (int q = 0; q < p.pathFrom.length; q++) {
      direct[p.pathFrom[q]][p.pathTo[q]] = est.paths[q];
      reach[p.pathFrom[q]][p.pathTo[q]] = true;
    }
    double[][] total = new double[l][l];
    double[][] power = copy(direct);
    boolean[][] reachPower = copy(reach);
    // an acyclic graph on l nodes has no route longer than l - 1 edges
    for (int length = 1; length < l; length++) {
      for (int i = 0; i < l; i++) {
        for (int j = 0; j < l; j++) {
          total[i][j] += power[i][j];
          reach[i][j] |= reachPower[i][j];
        }
      }
      double[][] nextPower = new double[l][l];
      boolean[][] nextReach = new boolean[l][l];
      for (int i = 0; i < l; i++) {
        for (int k = 0; k < l; k++) {
          if (!reachPower[i][k]) {
            continue;
          }
          for (int j = 0; j < l; j++) {
            nextPower[i][j] += power[i][k] * direct[k][j];
            nextReach[i][j] |= p.hasPath[k][j];
          }
        }
      }
      power = nextPower;
      reachPower = nextReach;
    }
    List<Effect> effects = new ArrayList<>();
    for (int i = 0; i < l; i++) {
      for (int j = 0; j < l; j++) {
        if (reach[i][j]) {
          effects.add(
              new Effect(
                  p.constructs.get(i),
                  p.constructs.get(j),
                  direct[i][j],
                  total[i][j] - direct[i][j],
                  total[i][j]));
        }
      }
    }
    return List.copyOf(effects);
  }

  private static Map<String, Reliability> reliability(PlsModel model, Prepared p, Estimates est) {
    Map<String, Reliability> result = new LinkedHashMap<>();
    double[][] cov = p.covariance;
    for (int j = 0; j < p.constructs.size(); j++) {
      int[] block = p.blockItems[j];
      double communality = 0;
      for (int a : block) {
        communality += est.loadings[a] * est.loadings[a];
      }
      communality /= block.length;
      double redundancy = p.predecessors[j].length > 0 ? communality * est.rSquared[j] : 0;
      Double alpha = null;
      Double rho = null;
      Double ave = null;
      if (model.modeOf(p.constructs.get(j)) == Mode.A) {
        // every item's loading is a correlation, so AVE = Σλ² / (Σλ² + Σ(1 − λ²)) = mean λ²
        ave = communality;
        if (block.length > 1) {
          double[][] r = new double[block.length][block.length];
          double offDiagonal = 0;
          for (int i = 0; i < block.length; i++) {
            for (int k = 0; k < block.length; k++) {
              r[i][k] =
                  cov[block[i]][block[k]]
                      / Math.sqrt(cov[block[i]][block[i]] * cov[block[k]][block[k]]);
              if (k < i) {
                offDiagonal += r[i][k];
              }
            }
          }
          int m = block.length;
          double standardized = (2 * offDiagonal / (m + 2 * offDiagonal)) * ((double) m / (m - 1));
          alpha = Math.max(0, standardized);
          rho = dillonGoldsteinRho(r);
        }
      }
      result.put(p.constructs.get(j), new Reliability(alpha, rho, ave, communality, redundancy));
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Dillon–Goldstein's rho from the loadings of the block's first principal component, as plspm
   * computes it (not from the PLS loadings).
   */
  private static double dillonGoldsteinRho(double[][] correlation) {
    EigenDecompositionSymmetric eigen =
        new EigenDecompositionSymmetric(new Array2DRowRealMatrix(correlation, false));
    double[] values = eigen.getEigenvalues();
    int largest = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[largest]) {
        largest = i;
      }
    }
    double root = Math.sqrt(values[largest]);
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < correlation.length; i++) {
      double loading = root * eigen.getEigenvector(largest).getEntry(i);
      sum += loading;
      sumSquares += loading * loading;
    }
    double numerator = sum * sum;
    return numerator / (numerator + correlation.length - sumSquares);
  }

  /**
   * ACSI-style index: the weighted mean of the items on their answer scale, with the model's
   * unstandardised weights rescaled to sum to 1, mapped linearly to 0–100.
   */
  private static Map<String, Double> index(Prepared p, Estimates est) {
    Map<String, Double> result = new LinkedHashMap<>();
    for (int j = 0; j < p.constructs.size(); j++) {
      int[] block = p.blockItems[j];
      boolean known = true;
      double weightSum = 0;
      for (int a : block) {
        // a negative weight means a reverse-keyed item; mixing it in would not give a mean
        known &= p.scales[a] != null && est.weights[a] > 0;
        weightSum += est.weights[a] / p.treatmentScale[a];
      }
      if (!known || weightSum == 0) {
        continue;
      }
      double value = 0;
      for (int a : block) {
        ScaleRange range = Objects.requireNonNull(p.scales[a]);
        double share = (est.weights[a] / p.treatmentScale[a]) / weightSum;
        value += share * (p.means[a] - range.min()) / (range.max() - range.min());
      }
      result.put(p.constructs.get(j), INDEX_RANGE * value);
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * plspm's goodness of fit: sqrt(mean communality × mean R²), where the communality mean runs over
   * the items of multi-item blocks (single items have communality 1 by construction) and the R²
   * mean over endogenous constructs.
   */
  private static @Nullable Double goodnessOfFit(Prepared p, Estimates est) {
    double communality = 0;
    int counted = 0;
    for (int[] block : p.blockItems) {
      if (block.length > 1) {
        for (int a : block) {
          communality += est.loadings[a] * est.loadings[a];
          counted++;
        }
      }
    }
    if (counted == 0) {
      return null;
    }
    double rSquared = 0;
    int endogenous = 0;
    for (int j = 0; j < p.constructs.size(); j++) {
      if (p.predecessors[j].length > 0) {
        rSquared += est.rSquared[j];
        endogenous++;
      }
    }
    return Math.sqrt((communality / counted) * (rSquared / endogenous));
  }

  private static Map<String, double[]> scores(Prepared p, Estimates est) {
    Map<String, double[]> result = new LinkedHashMap<>();
    int items = p.items.size();
    for (int j = 0; j < p.constructs.size(); j++) {
      double[] score = new double[p.n];
      int[] block = p.blockItems[j];
      for (int r = 0; r < p.n; r++) {
        int offset = r * items;
        double sum = 0;
        for (int a : block) {
          sum += est.weights[a] * (p.raw[offset + a] - p.means[a]) / p.treatmentScale[a];
        }
        score[r] = sum;
      }
      result.put(p.constructs.get(j), score);
    }
    return Collections.unmodifiableMap(result);
  }

  // ---------------------------------------------------------------------------------------------
  // bootstrap

  private record Draws(
      List<double[]> paths,
      List<double[]> weights,
      List<double[]> loadings,
      List<double[]> index) {}

  private static Draws bootstrap(
      PlsModel model, Prepared p, ProgressListener progress, BooleanSupplier cancelled) {
    int resamples = model.bootstrap();
    int items = p.items.size();
    SplittableRandom random = new SplittableRandom(model.seed());
    PlsAlgorithm algorithm = p.newAlgorithm(model);
    int[] counts = new int[p.n];
    double[] mean = new double[items];
    double[] centred = new double[items];
    double[][] cov = new double[items][items];
    double[][] treated = new double[items][items];
    List<double[]> paths = new ArrayList<>(resamples);
    List<double[]> weights = new ArrayList<>(resamples);
    List<double[]> loadings = new ArrayList<>(resamples);
    List<double[]> index = new ArrayList<>(resamples);
    for (int b = 0; b < resamples; b++) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("bootstrap cancelled after " + b + " resamples");
      }
      // draw every resample even if an earlier one failed, so draws stay aligned with the seed
      Arrays.fill(counts, 0);
      for (int r = 0; r < p.n; r++) {
        counts[random.nextInt(p.n)]++;
      }
      p.weightedCovariance(counts, mean, centred, cov);
      if (p.treatInto(cov, treated)) {
        try {
          if (algorithm.fit(treated) && algorithm.converged()) {
            Estimates drawn = Estimates.from(algorithm, treated, p);
            paths.add(drawn.paths);
            weights.add(drawn.weights);
            loadings.add(drawn.loadings);
            index.add(resampledIndex(p, drawn.weights, mean, cov));
          }
        } catch (MathRuntimeException e) {
          // a degenerate resample (collinear constructs) counts as failed, like non-convergence
        }
      }
      progress.onProgress(b + 1, resamples);
    }
    return new Draws(paths, weights, loadings, index);
  }

  /**
   * The 0–100 index of every construct in one resample: the resample's weights, item means and
   * (when standardised) item standard deviations; NaN where the index is undefined in this
   * resample.
   */
  private static double[] resampledIndex(
      Prepared p, double[] weights, double[] mean, double[][] cov) {
    double[] result = new double[p.constructs.size()];
    for (int j = 0; j < result.length; j++) {
      int[] block = p.blockItems[j];
      boolean known = true;
      double weightSum = 0;
      double weighted = 0;
      for (int a : block) {
        ScaleRange range = p.scales[a];
        known &= range != null && weights[a] > 0;
        if (!known) {
          break;
        }
        double scale = p.scaling == Scaling.STANDARDIZED ? Math.sqrt(cov[a][a]) : 1.0;
        double w = weights[a] / scale;
        weightSum += w;
        weighted += w * (mean[a] - range.min()) / (range.max() - range.min());
      }
      result[j] = known && weightSum > 0 ? INDEX_RANGE * weighted / weightSum : Double.NaN;
    }
    return result;
  }

  private static BootstrapSummary summarize(
      PlsModel model,
      Prepared p,
      Estimates original,
      Map<String, Double> originalIndex,
      Draws draws) {
    Map<String, BootstrapEstimate> paths = new LinkedHashMap<>();
    for (int q = 0; q < p.pathFrom.length; q++) {
      paths.put(
          BootstrapSummary.pathKey(p.constructs.get(p.pathFrom[q]), p.constructs.get(p.pathTo[q])),
          summary(original.paths[q], draws.paths, q));
    }
    Map<String, BootstrapEstimate> weights = new LinkedHashMap<>();
    Map<String, BootstrapEstimate> loadings = new LinkedHashMap<>();
    for (int a = 0; a < p.items.size(); a++) {
      weights.put(p.items.get(a), summary(original.weights[a], draws.weights, a));
      loadings.put(p.items.get(a), summary(original.loadings[a], draws.loadings, a));
    }
    Map<String, BootstrapEstimate> index = new LinkedHashMap<>();
    for (int j = 0; j < p.constructs.size(); j++) {
      Double value = originalIndex.get(p.constructs.get(j));
      if (value != null) {
        index.put(p.constructs.get(j), summary(value, defined(draws.index, j), 0));
      }
    }
    return new BootstrapSummary(
        model.bootstrap(),
        model.bootstrap() - draws.paths.size(),
        model.seed(),
        Collections.unmodifiableMap(paths),
        Collections.unmodifiableMap(weights),
        Collections.unmodifiableMap(loadings),
        Collections.unmodifiableMap(index));
  }

  /**
   * Column {@code j} of the draws where it is defined; a resample in which a weight turned negative
   * has no index for that construct and is left out of its interval only.
   */
  private static List<double[]> defined(List<double[]> draws, int j) {
    List<double[]> values = new ArrayList<>(draws.size());
    for (double[] draw : draws) {
      if (!Double.isNaN(draw[j])) {
        values.add(new double[] {draw[j]});
      }
    }
    return values;
  }

  private static BootstrapEstimate summary(double original, List<double[]> draws, int index) {
    int count = draws.size();
    if (count == 0) {
      return new BootstrapEstimate(original, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] values = new double[count];
    double sum = 0;
    for (int b = 0; b < count; b++) {
      values[b] = draws.get(b)[index];
      sum += values[b];
    }
    double mean = sum / count;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double se = count > 1 ? Math.sqrt(squares / (count - 1)) : Double.NaN;
    Arrays.sort(values);
    return new BootstrapEstimate(
        original, mean, se, quantile(values, LOWER_PERCENTILE), quantile(values, UPPER_PERCENTILE));
  }

  /** R's default (type 7) quantile: linear interpolation between order statistics. */
  static double quantile(double[] sorted, double probability) {
    double position = probability * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    double fraction = position - lower;
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  private static boolean[][] copy(boolean[][] m) {
    boolean[][] c = new boolean[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // estimates derived from a fit

  /** Weights, loadings, paths and R² of one fit, detached from the algorithm's buffers. */
  private record Estimates(
      double[] weights,
      double[] loadings,
      double[][] crossLoadings,
      double[] paths,
      double[] rSquared) {

    static Estimates from(PlsAlgorithm algorithm, double[][] s, Prepared p) {
      int items = p.items.size();
      int l = p.constructs.size();
      double[] weights = algorithm.normalizedWeights().clone();
      double[][] cov = algorithm.itemConstructCovariance();
      double[][] cross = new double[items][l];
      double[] loadings = new double[items];
      for (int a = 0; a < items; a++) {
        double sd = Math.sqrt(s[a][a]);
        for (int j = 0; j < l; j++) {
          // construct scores have unit variance, so cov / sd(item) is the correlation
          cross[a][j] = cov[a][j] / sd;
        }
        loadings[a] = cross[a][p.blockOf[a]];
      }
      double[][] cor = algorithm.constructCorrelation();
      double[] rSquared = new double[l];
      double[] paths = new double[p.pathFrom.length];
      for (int j = 0; j < l; j++) {
        int[] pred = p.predecessors[j];
        if (pred.length == 0) {
          continue;
        }
        double[] beta = PlsAlgorithm.regress(cor, pred, j);
        double r2 = 0;
        for (int i = 0; i < pred.length; i++) {
          r2 += beta[i] * cor[pred[i]][j];
          paths[p.pathIndex[pred[i]][j]] = beta[i];
        }
        rSquared[j] = r2;
      }
      return new Estimates(weights, loadings, cross, paths, rSquared);
    }
  }
}
