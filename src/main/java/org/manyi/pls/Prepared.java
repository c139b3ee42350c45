package org.manyi.pls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model resolved against a data set: item and construct indices, the complete cases (listwise
 * deletion) as one row-major array, item means and the item covariance matrix.
 */
final class Prepared {

  /** Fewer cases leave no degrees of freedom for the inner regressions. */
  private static final int MIN_CASES = 3;

  final List<String> constructs;
  final List<String> items;
  final int[][] blockItems;
  final int[] blockOf;
  final int[][] predecessors;
  final int[][] successors;
  final boolean[][] hasPath;
  final int[] pathFrom;
  final int[] pathTo;
  final int[][] pathIndex;
  final Scaling scaling;
  final int n;
  final int dropped;

  /** Complete cases, row-major: case r, item a at {@code r * items + a}. */
  final double[] raw;

  final double[] means;

  /** Population covariance matrix of the raw items. */
  final double[][] covariance;

  /** What each centred item is divided by: its standard deviation, or 1 for raw scaling. */
  final double[] treatmentScale;

  final @Nullable ScaleRange[] scales;

  private Prepared(PlsModel model, DataTable data) {
    constructs = List.copyOf(model.blocks().keySet());
    int l = constructs.size();
    Map<String, Integer> constructIndex = new HashMap<>();
    for (int j = 0; j < l; j++) {
      constructIndex.put(constructs.get(j), j);
    }
    List<String> itemNames = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    blockItems = new int[l][];
    for (int j = 0; j < l; j++) {
      String construct = constructs.get(j);
      List<String> block = model.blocks().get(construct);
      blockItems[j] = new int[block.size()];
      for (int i = 0; i < block.size(); i++) {
        String item = block.get(i);
        double[] column = data.column(item);
        if (column == null) {
          throw new InvalidModelException(
              item,
              data.nonNumericColumns().contains(item)
                  ? "Item '" + item + "' of construct '" + construct + "' is not numeric."
                  : "Item '" + item + "' of construct '" + construct + "' is not in the data.");
        }
        blockItems[j][i] = itemNames.size();
        itemNames.add(item);
        columns.add(column);
      }
    }
    items = List.copyOf(itemNames);
    int p = items.size();
    blockOf = new int[p];
    for (int j = 0; j < l; j++) {
      for (int a : blockItems[j]) {
        blockOf[a] = j;
      }
    }

    List<List<String>> paths = model.paths();
    pathFrom = new int[paths.size()];
    pathTo = new int[paths.size()];
    hasPath = new boolean[l][l];
    pathIndex = new int[l][l];
    for (int q = 0; q < paths.size(); q++) {
      pathFrom[q] = constructIndex.get(paths.get(q).get(0));
      pathTo[q] = constructIndex.get(paths.get(q).get(1));
      hasPath[pathFrom[q]][pathTo[q]] = true;
      pathIndex[pathFrom[q]][pathTo[q]] = q;
    }
    predecessors = new int[l][];
    successors = new int[l][];
    for (int j = 0; j < l; j++) {
      List<Integer> pred = new ArrayList<>();
      List<Integer> succ = new ArrayList<>();
      for (int k = 0; k < l; k++) {
        if (hasPath[k][j]) {
          pred.add(k);
        }
        if (hasPath[j][k]) {
          succ.add(k);
        }
      }
      predecessors[j] = pred.stream().mapToInt(Integer::intValue).toArray();
      successors[j] = succ.stream().mapToInt(Integer::intValue).toArray();
    }

    // listwise deletion
    int rows = data.rowCount();
    int complete = 0;
    boolean[] keep = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      boolean ok = true;
      for (int a = 0; a < p && ok; a++) {
        ok = Double.isFinite(columns.get(a)[r]);
      }
      keep[r] = ok;
      if (ok) {
        complete++;
      }
    }
    n = complete;
    dropped = rows - complete;
    if (n < MIN_CASES) {
      throw new InvalidModelException(
          "data",
          "Only "
              + n
              + " of "
              + rows
              + " cases answer every model item; at least "
              + MIN_CASES
              + " are needed.");
    }
    raw = new double[n * p];
    int row = 0;
    for (int r = 0; r < rows; r++) {
      if (keep[r]) {
        for (int a = 0; a < p; a++) {
          raw[row * p + a] = columns.get(a)[r];
        }
        row++;
      }
    }

    means = new double[p];
    for (int r = 0; r < n; r++) {
      for (int a = 0; a < p; a++) {
        means[a] += raw[r * p + a];
      }
    }
    for (int a = 0; a < p; a++) {
      means[a] /= n;
    }
    covariance = new double[p][p];
    double[] centred = new double[p];
    for (int r = 0; r < n; r++) {
      for (int a = 0; a < p; a++) {
        centred[a] = raw[r * p + a] - means[a];
      }
      accumulateUpper(covariance, centred, 1);
    }
    finishSymmetric(covariance, n);

    scaling = model.scaling();
    treatmentScale = new double[p];
    scales = new ScaleRange[p];
    for (int a = 0; a < p; a++) {
      double sd = Math.sqrt(covariance[a][a]);
      if (!(sd > 0)) {
        throw new InvalidModelException(
            items.get(a),
            "Item '"
                + items.get(a)
                + "' has the same value in every used case, so it carries no information.");
      }
      treatmentScale[a] = scaling == Scaling.STANDARDIZED ? sd : 1.0;
      scales[a] = model.scaleOf(items.get(a));
    }
  }

  static Prepared of(PlsModel model, DataTable data) {
    return new Prepared(model, data);
  }

  PlsAlgorithm newAlgorithm(PlsModel model) {
    boolean[] formative = new boolean[constructs.size()];
    for (int j = 0; j < formative.length; j++) {
      formative[j] = model.modeOf(constructs.get(j)) == Mode.B;
    }
    return new PlsAlgorithm(
        items.size(),
        blockItems,
        formative,
        predecessors,
        successors,
        model.scheme(),
        model.tolerance(),
        model.maxIterations());
  }

  /** The covariance matrix of the treated items (a new array). */
  double[][] treatedCovariance(double[][] cov) {
    double[][] out = new double[cov.length][cov.length];
    treatInto(cov, out);
    return out;
  }

  /**
   * Writes the covariance of the treated items: the correlation matrix when standardising, the
   * covariance itself for raw scaling.
   *
   * @return false when an item has no variance
   */
  boolean treatInto(double[][] cov, double[][] out) {
    int p = cov.length;
    for (int a = 0; a < p; a++) {
      if (!(cov[a][a] > 0)) {
        return false;
      }
    }
    for (int a = 0; a < p; a++) {
      for (int c = 0; c < p; c++) {
        out[a][c] =
            scaling == Scaling.STANDARDIZED
                ? cov[a][c] / Math.sqrt(cov[a][a] * cov[c][c])
                : cov[a][c];
      }
    }
    return true;
  }

  /**
   * Covariance of a bootstrap resample in which case r appears {@code counts[r]} times; the buffers
   * are overwritten.
   */
  void weightedCovariance(int[] counts, double[] mean, double[] centred, double[][] cov) {
    int p = items.size();
    Arrays.fill(mean, 0);
    for (int r = 0; r < n; r++) {
      int count = counts[r];
      if (count == 0) {
        continue;
      }
      int offset = r * p;
      for (int a = 0; a < p; a++) {
        mean[a] += count * raw[offset + a];
      }
    }
    for (int a = 0; a < p; a++) {
      mean[a] /= n;
      Arrays.fill(cov[a], 0);
    }
    for (int r = 0; r < n; r++) {
      int count = counts[r];
      if (count == 0) {
        continue;
      }
      int offset = r * p;
      for (int a = 0; a < p; a++) {
        centred[a] = raw[offset + a] - mean[a];
      }
      accumulateUpper(cov, centred, count);
    }
    finishSymmetric(cov, n);
  }

  private static void accumulateUpper(double[][] cov, double[] centred, int count) {
    int p = centred.length;
    for (int a = 0; a < p; a++) {
      double x = centred[a] * count;
      double[] row = cov[a];
      for (int c = a; c < p; c++) {
        row[c] += x * centred[c];
      }
    }
  }

  private static void finishSymmetric(double[][] cov, int cases) {
    int p = cov.length;
    for (int a = 0; a < p; a++) {
      for (int c = a; c < p; c++) {
        cov[a][c] /= cases;
        cov[c][a] = cov[a][c];
      }
    }
  }
}
