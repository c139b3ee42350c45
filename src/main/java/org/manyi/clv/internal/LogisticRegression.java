package org.manyi.clv.internal;

/**
 * Binary logistic regression fitted by Newton-Raphson (iteratively reweighted least squares) with a
 * small ridge penalty, which keeps the Hessian invertible when a feature separates the classes or
 * two features are collinear. Features are standardised internally; coefficients are reported on
 * the original scale.
 */
public final class LogisticRegression {

  /** Ridge penalty on the standardised coefficients (not on the intercept). */
  private static final double RIDGE = 1e-3;

  private static final int MAX_ITERATIONS = 100;

  /** Newton stops when no standardised coefficient moves more than this. */
  private static final double TOLERANCE = 1e-10;

  private LogisticRegression() {}

  /**
   * Fits P(y = 1 | f) = 1 / (1 + exp(-(b0 + Σ b_j f_j))).
   *
   * @param features n rows of k features
   * @param labels n labels
   * @return k + 1 coefficients, intercept first, on the original feature scale
   * @throws IllegalArgumentException for empty or ragged input
   */
  public static double[] fit(double[][] features, boolean[] labels) {
    int n = features.length;
    if (n == 0 || labels.length != n) {
      throw new IllegalArgumentException("need as many labels as feature rows, and at least one");
    }
    int k = features[0].length;
    double[] mean = new double[k];
    double[] sd = new double[k];
    for (double[] row : features) {
      if (row.length != k) {
        throw new IllegalArgumentException("ragged feature rows");
      }
      for (int j = 0; j < k; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : features) {
      for (int j = 0; j < k; j++) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < k; j++) {
      sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
    }
    int m = k + 1;
    double[] beta = new double[m];
    double[] z = new double[m];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[m];
      double[][] hessian = new double[m][m];
      for (int i = 0; i < n; i++) {
        z[0] = 1;
        for (int j = 0; j < k; j++) {
          z[j + 1] = (features[i][j] - mean[j]) / sd[j];
        }
        double eta = 0;
        for (int j = 0; j < m; j++) {
          eta += beta[j] * z[j];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double residual = (labels[i] ? 1 : 0) - p;
        double w = p * (1 - p);
        for (int a = 0; a < m; a++) {
          gradient[a] += residual * z[a];
          for (int b = 0; b <= a; b++) {
            hessian[a][b] += w * z[a] * z[b];
          }
        }
      }
      for (int a = 1; a < m; a++) {
        gradient[a] -= RIDGE * n * beta[a];
        hessian[a][a] += RIDGE * n;
      }
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          hessian[a][b] = hessian[b][a];
        }
      }
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int j = 0; j < m; j++) {
        beta[j] += step[j];
        largest = Math.max(largest, Math.abs(step[j]));
      }
      if (largest < TOLERANCE) {
        break;
      }
    }
    double[] out = new double[m];
    out[0] = beta[0];
    for (int j = 0; j < k; j++) {
      out[j + 1] = beta[j + 1] / sd[j];
      out[0] -= beta[j + 1] * mean[j] / sd[j];
    }
    return out;
  }

  /** P(y = 1) for one feature row and coefficients from {@link #fit}. */
  public static double predict(double[] coefficients, double[] features) {
    double eta = coefficients[0];
    for (int j = 0; j < features.length; j++) {
      eta += coefficients[j + 1] * features[j];
    }
    return 1 / (1 + Math.exp(-eta));
  }

  /** Solves the symmetric positive definite system by Gaussian elimination with pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] y = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      double ty = y[col];
      y[col] = y[pivot];
      y[pivot] = ty;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[r][c] -= f * m[col][c];
        }
        y[r] -= f * y[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = y[r];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
