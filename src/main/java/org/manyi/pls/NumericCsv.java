package org.manyi.pls;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads comma-separated numeric data with a header row into a {@link DataTable}.
 *
 * <p>Fields may be quoted with {@code "} (a doubled quote inside a quoted field is a literal quote;
 * quoted fields may span lines). An empty cell, {@code NA} or {@code NaN} is a missing answer. A
 * column holding any other text is reported in {@link DataTable#nonNumericColumns()} rather than
 * failing the whole upload, because survey exports routinely carry text columns (gender, comments)
 * next to the answers. A leading byte-order mark is ignored. Rows with a different number of fields
 * than the header are rejected with their line number.
 */
public final class NumericCsv {

  private static final char SEPARATOR = ',';
  private static final char QUOTE = '"';
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final int INITIAL_ROWS = 1024;

  private NumericCsv() {}

  /**
   * Parses the whole input.
   *
   * @throws IOException when reading fails
   * @throws IllegalArgumentException when the input is empty, the header repeats a name, a row has
   *     the wrong number of fields, or a quote is not closed
   */
  public static DataTable read(Reader reader) throws IOException {
    RecordReader records = new RecordReader(reader);
    List<String> header = records.next();
    if (header == null) {
      throw new IllegalArgumentException("CSV input is empty: a header row is required");
    }
    if (!header.isEmpty()
        && !header.get(0).isEmpty()
        && header.get(0).charAt(0) == BYTE_ORDER_MARK) {
      header.set(0, header.get(0).substring(1));
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String name : header) {
      if (!unique.add(name.strip())) {
        throw new IllegalArgumentException("CSV header repeats the column name '" + name + "'");
      }
    }
    int width = header.size();
    double[][] columns = new double[width][INITIAL_ROWS];
    boolean[] numeric = new boolean[width];
    Arrays.fill(numeric, true);
    int rows = 0;
    List<String> fields;
    while ((fields = records.next()) != null) {
      if (fields.size() == 1 && fields.get(0).isBlank()) {
        continue; // blank line, typically at the end of the file
      }
      if (fields.size() != width) {
        throw new IllegalArgumentException(
            "CSV line "
                + records.recordStartLine()
                + " has "
                + fields.size()
                + " fields, the header has "
                + width);
      }
      if (rows == columns[0].length) {
        for (int c = 0; c < width; c++) {
          columns[c] = Arrays.copyOf(columns[c], rows * 2);
        }
      }
      for (int c = 0; c < width; c++) {
        double value = Double.NaN;
        if (numeric[c]) {
          value = parseCell(fields.get(c));
          if (Double.isNaN(value) && !isMissingMarker(fields.get(c))) {
            numeric[c] = false;
          }
        }
        columns[c][rows] = value;
      }
      rows++;
    }
    List<String> names = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    Set<String> text = new LinkedHashSet<>();
    List<String> stripped = new ArrayList<>(unique);
    for (int c = 0; c < width; c++) {
      if (numeric[c]) {
        names.add(stripped.get(c));
        kept.add(Arrays.copyOf(columns[c], rows));
      } else {
        text.add(stripped.get(c));
      }
    }
    return new DataTable(names, kept.toArray(new double[0][]), text);
  }

  private static boolean isMissingMarker(String cell) {
    String value = cell.strip();
    return value.isEmpty()
        || value.equalsIgnoreCase("NA")
        || value.toUpperCase(Locale.ROOT).equals("NAN");
  }

  /** The cell's number, or NaN when it is missing or not a number. */
  private static double parseCell(String cell) {
    String value = cell.strip();
    if (isMissingMarker(value)) {
      return Double.NaN;
    }
    char first = value.charAt(0);
    // Double.parseDouble also accepts "Infinity", hex and a trailing 'd'; answers never look so
    if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
      return Double.NaN;
    }
    char last = value.charAt(value.length() - 1);
    if (!(Character.isDigit(last) || last == '.')) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Splits the input into records, honouring quotes; tracks line numbers for messages. */
  private static final class RecordReader {
    private final Reader reader;
    private int line = 1;
    private int recordStartLine = 1;
    private int pushedBack = -2;

    RecordReader(Reader reader) {
      this.reader = reader;
    }

    int recordStartLine() {
      return recordStartLine;
    }

    private int read() throws IOException {
      if (pushedBack != -2) {
        int c = pushedBack;
        pushedBack = -2;
        return c;
      }
      return reader.read();
    }

    /** The next record's fields, or null at the end of input. */
    List<String> next() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      recordStartLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (true) {
        if (quoted) {
          if (c == -1) {
            throw new IllegalArgumentException(
                "CSV quote opened on line " + recordStartLine + " is never closed");
          }
          if (c == QUOTE) {
            int after = read();
            if (after == QUOTE) {
              field.append(QUOTE);
            } else {
              quoted = false;
              c = after;
              continue;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append((char) c);
          }
        } else if (c == QUOTE && field.isEmpty()) {
          quoted = true;
        } else if (c == SEPARATOR) {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' || c == '\n' || c == -1) {
          if (c == '\r') {
            int after = read();
            if (after != '\n') {
              pushedBack = after;
            }
          }
          if (c != -1) {
            line++;
          }
          fields.add(field.toString());
          return fields;
        } else {
          field.append((char) c);
        }
        c = read();
      }
    }
  }
}
