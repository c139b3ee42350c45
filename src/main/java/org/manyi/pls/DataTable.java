package org.manyi.pls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Numeric survey data held column by column; {@link Double#NaN} marks a missing answer.
 *
 * <p>Columns are stored as {@code double[]} so that large uploads cost one array per column, not
 * one object per cell. The arrays are shared, not copied: treat them as read-only.
 *
 * @param columns column names, unique
 * @param values one array per column, all of the same length
 * @param nonNumericColumns columns of the source that held text and were left out (so that a model
 *     naming one can say why it is missing)
 */
public record DataTable(List<String> columns, double[][] values, Set<String> nonNumericColumns) {

  public DataTable {
    columns = List.copyOf(columns);
    nonNumericColumns = Set.copyOf(nonNumericColumns);
    if (columns.size() != values.length) {
      throw new IllegalArgumentException(
          columns.size() + " column names but " + values.length + " columns of values");
    }
    for (int c = 1; c < values.length; c++) {
      if (values[c].length != values[0].length) {
        throw new IllegalArgumentException(
            "column '" + columns.get(c) + "' has a different number of rows");
      }
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("duplicate column names in " + columns);
    }
  }

  /** A table from named columns, keeping the map's order. */
  public static DataTable of(Map<String, double[]> columns) {
    List<String> names = new ArrayList<>(columns.keySet());
    double[][] values = new double[names.size()][];
    for (int c = 0; c < names.size(); c++) {
      values[c] = columns.get(names.get(c));
    }
    return new DataTable(names, values, Set.of());
  }

  /** Number of rows (respondents). */
  public int rowCount() {
    return values.length == 0 ? 0 : values[0].length;
  }

  /** The values of {@code name}, or null when there is no numeric column of that name. */
  public double @Nullable [] column(String name) {
    int index = columns.indexOf(name);
    return index < 0 ? null : values[index];
  }
}
