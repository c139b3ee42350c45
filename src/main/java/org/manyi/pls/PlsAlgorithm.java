package org.manyi.pls;

import java.util.Arrays;
import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.jspecify.annotations.Nullable;

/**
 * The Wold/Lohmöller iteration, run on the covariance matrix of the treated items.
 *
 * <p>With complete data every step of the algorithm is a linear function of the item covariance
 * matrix S (population denominator): construct covariances are {@code wᵀ S w}, mode A weights are
 * covariances of items with inner proxies, mode B weights solve {@code S_bb w = S_b· ŵ E}. Working
 * on S makes each iteration cost O(p²) whatever the number of respondents, and a bootstrap resample
 * only needs a fresh S. The steps follow R plspm's {@code get_weights} (initial weights, mode A
 * weights as covariances with the inner proxy, mode B weights by OLS).
 *
 * <p>The stopping rule is the largest absolute change of the normalised outer weights (those giving
 * unit-variance scores), as in SmartPLS, rather than plspm's summed squared change of unnormalised
 * weights: the normalised rule does not depend on the items' units and leaves the estimates within
 * about the tolerance of the fixed point, while plspm's rule stops noticeably earlier (its
 * published estimates are reproduced to about 1e-6).
 *
 * <p>An instance holds work buffers and is not thread-safe; reuse it across resamples.
 */
final class PlsAlgorithm {

  /** Below this pivot a formative block's items are treated as collinear. */
  private static final double SINGULARITY_THRESHOLD = 1e-12;

  private final int items;
  private final int constructs;
  private final int[][] blockItems;
  private final boolean[] formative;
  private final int[][] predecessors;
  private final int[][] successors;
  private final boolean[][] adjacent;
  private final Scheme scheme;
  private final double tolerance;
  private final int maxIterations;

  // work buffers, reused between fits
  private final double[] weights;
  private final double[] previous;
  private final double[] normalized;
  private final double[][] itemConstructCov;
  private final double[][] constructCor;
  private final double[][] inner;
  private final double[] target;
  private final @Nullable DecompositionSolver[] formativeSolvers;

  private int iterations;
  private boolean converged;
  private int failedConstruct = -1;
  private int firstDegenerate = -1;

  /**
   * @param blockItems item indices of each construct
   * @param formative whether each construct is mode B
   * @param predecessors construct indices with a path into each construct
   * @param successors construct indices each construct has a path to
   */
  PlsAlgorithm(
      int items,
      int[][] blockItems,
      boolean[] formative,
      int[][] predecessors,
      int[][] successors,
      Scheme scheme,
      double tolerance,
      int maxIterations) {
    this.items = items;
    this.constructs = blockItems.length;
    this.blockItems = blockItems;
    this.formative = formative;
    this.predecessors = predecessors;
    this.successors = successors;
    this.scheme = scheme;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.adjacent = new boolean[constructs][constructs];
    for (int j = 0; j < constructs; j++) {
      for (int k : predecessors[j]) {
        adjacent[j][k] = true;
        adjacent[k][j] = true;
      }
    }
    weights = new double[items];
    previous = new double[items];
    normalized = new double[items];
    itemConstructCov = new double[items][constructs];
    constructCor = new double[constructs][constructs];
    inner = new double[constructs][constructs];
    int largestBlock = 0;
    for (int[] block : blockItems) {
      largestBlock = Math.max(largestBlock, block.length);
    }
    target = new double[largestBlock];
    formativeSolvers = new DecompositionSolver[constructs];
  }

  /**
   * Estimates the outer weights for the treated covariance matrix {@code s}.
   *
   * @return false when the weights cannot be computed: a block has no variance or a formative
   *     block's items are collinear ({@link #failedConstruct()} tells which)
   */
  boolean fit(double[][] s) {
    failedConstruct = -1;
    for (int j = 0; j < constructs; j++) {
      double sumVariance = quadraticForm(s, blockItems[j], null);
      if (!(sumVariance > 0)) {
        failedConstruct = j;
        return false;
      }
      double initial = 1.0 / Math.sqrt(sumVariance);
      for (int a : blockItems[j]) {
        weights[a] = initial;
      }
      formativeSolvers[j] = null;
      if (formative[j]) {
        DecompositionSolver solver = blockSolver(s, blockItems[j]);
        if (solver == null) {
          failedConstruct = j;
          return false;
        }
        formativeSolvers[j] = solver;
      }
    }
    converged = false;
    iterations = 0;
    if (!normalize(s)) {
      failedConstruct = firstDegenerate;
      return false;
    }
    System.arraycopy(normalized, 0, previous, 0, items);
    while (iterations < maxIterations) {
      iterations++;
      project(s);
      innerWeights();
      outerWeights();
      if (!normalize(s)) {
        failedConstruct = firstDegenerate;
        return false;
      }
      double change = 0;
      for (int a = 0; a < items; a++) {
        change = Math.max(change, Math.abs(normalized[a] - previous[a]));
      }
      if (change < tolerance) {
        converged = true;
        break;
      }
      System.arraycopy(normalized, 0, previous, 0, items);
    }
    project(s);
    if (orientBlocks()) {
      project(s);
    }
    return true;
  }

  /** The construct that made the last {@link #fit} fail, or -1. */
  int failedConstruct() {
    return failedConstruct;
  }

  int iterations() {
    return iterations;
  }

  boolean converged() {
    return converged;
  }

  /** Outer weights scaled so that each construct score has unit variance; indexed by item. */
  double[] normalizedWeights() {
    return normalized;
  }

  /** Covariance of each treated item with each construct score (item × construct). */
  double[][] itemConstructCovariance() {
    return itemConstructCov;
  }

  /** Correlations between construct scores. */
  double[][] constructCorrelation() {
    return constructCor;
  }

  /** Scales each block's weights so that its score has variance 1. */
  private boolean normalize(double[][] s) {
    for (int j = 0; j < constructs; j++) {
      double variance = quadraticForm(s, blockItems[j], weights);
      if (!(variance > 0)) {
        firstDegenerate = j;
        return false;
      }
      double factor = 1.0 / Math.sqrt(variance);
      for (int a : blockItems[j]) {
        normalized[a] = weights[a] * factor;
      }
    }
    return true;
  }

  /** Fills item–construct covariances and construct correlations for the normalised weights. */
  private void project(double[][] s) {
    for (int a = 0; a < items; a++) {
      double[] row = s[a];
      double[] out = itemConstructCov[a];
      for (int k = 0; k < constructs; k++) {
        double sum = 0;
        for (int c : blockItems[k]) {
          sum += row[c] * normalized[c];
        }
        out[k] = sum;
      }
    }
    for (int j = 0; j < constructs; j++) {
      for (int k = 0; k < constructs; k++) {
        double sum = 0;
        for (int a : blockItems[j]) {
          sum += normalized[a] * itemConstructCov[a][k];
        }
        constructCor[j][k] = sum;
      }
    }
  }

  /** inner[k][j] is the weight of construct k in the inner proxy of construct j. */
  private void innerWeights() {
    for (double[] row : inner) {
      Arrays.fill(row, 0);
    }
    switch (scheme) {
      case CENTROID -> {
        for (int j = 0; j < constructs; j++) {
          for (int k = 0; k < constructs; k++) {
            if (adjacent[k][j]) {
              inner[k][j] = Math.signum(constructCor[k][j]);
            }
          }
        }
      }
      case FACTORIAL -> {
        for (int j = 0; j < constructs; j++) {
          for (int k = 0; k < constructs; k++) {
            if (adjacent[k][j]) {
              inner[k][j] = constructCor[k][j];
            }
          }
        }
      }
      case PATH -> {
        for (int j = 0; j < constructs; j++) {
          int[] pred = predecessors[j];
          if (pred.length > 0) {
            double[] beta = regress(constructCor, pred, j);
            for (int i = 0; i < pred.length; i++) {
              inner[pred[i]][j] = beta[i];
            }
          }
          for (int k : successors[j]) {
            inner[k][j] = constructCor[k][j];
          }
        }
      }
    }
  }

  /** New outer weights from the inner proxies {@code Z_j = Σ_k inner[k][j] Y_k}. */
  private void outerWeights() {
    for (int j = 0; j < constructs; j++) {
      int[] block = blockItems[j];
      for (int i = 0; i < block.length; i++) {
        double[] cov = itemConstructCov[block[i]];
        double sum = 0;
        for (int k = 0; k < constructs; k++) {
          double e = inner[k][j];
          if (e != 0) {
            sum += e * cov[k];
          }
        }
        target[i] = sum;
      }
      if (formative[j]) {
        // OLS of the proxy on the block's items: (X_bᵀX_b)⁻¹ X_bᵀ Z = S_bb⁻¹ cov(X_b, Z)
        DecompositionSolver solver = Objects.requireNonNull(formativeSolvers[j]);
        RealVector solved = solver.solve(new ArrayRealVector(target, 0, block.length));
        for (int i = 0; i < block.length; i++) {
          weights[block[i]] = solved.getEntry(i);
        }
      } else {
        for (int i = 0; i < block.length; i++) {
          weights[block[i]] = target[i];
        }
      }
    }
  }

  /**
   * Flips a block whose items mostly correlate negatively with its score: the algorithm fixes a
   * construct only up to sign, and readers expect a construct to point the way its items do.
   */
  private boolean orientBlocks() {
    boolean flipped = false;
    for (int j = 0; j < constructs; j++) {
      int votes = 0;
      for (int a : blockItems[j]) {
        votes += (int) Math.signum(itemConstructCov[a][j]);
      }
      if (votes < 0) {
        for (int a : blockItems[j]) {
          normalized[a] = -normalized[a];
        }
        flipped = true;
      }
    }
    return flipped;
  }

  /**
   * Standardised OLS coefficients of construct {@code target} on {@code regressors}, from the
   * correlation matrix (the constructs are centred with unit variance, so OLS reduces to solving
   * the regressors' correlation system).
   */
  static double[] regress(double[][] cor, int[] regressors, int target) {
    int m = regressors.length;
    if (m == 1) {
      return new double[] {cor[regressors[0]][target]};
    }
    double[][] a = new double[m][m];
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        a[i][k] = cor[regressors[i]][regressors[k]];
      }
      b[i] = cor[regressors[i]][target];
    }
    DecompositionSolver solver =
        new QRDecomposition(new Array2DRowRealMatrix(a, false), SINGULARITY_THRESHOLD).getSolver();
    return solver.solve(new ArrayRealVector(b, false)).toArray();
  }

  /** {@code wᵀ S_bb w} over one block; all-ones weights when {@code w} is null. */
  private static double quadraticForm(double[][] s, int[] block, double @Nullable [] w) {
    double sum = 0;
    for (int a : block) {
      double wa = w == null ? 1 : w[a];
      for (int c : block) {
        sum += wa * s[a][c] * (w == null ? 1 : w[c]);
      }
    }
    return sum;
  }

  private static @Nullable DecompositionSolver blockSolver(double[][] s, int[] block) {
    int m = block.length;
    double[][] sub = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        sub[i][k] = s[block[i]][block[k]];
      }
    }
    DecompositionSolver solver =
        new QRDecomposition(new Array2DRowRealMatrix(sub, false), SINGULARITY_THRESHOLD)
            .getSolver();
    return solver.isNonSingular() ? solver : null;
  }
}
