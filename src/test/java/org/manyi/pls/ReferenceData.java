package org.manyi.pls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access to the shared reference data sets (never copied into the project). Tests that need a file
 * are skipped, with a message, when it is absent.
 */
final class ReferenceData {

  static final String PROPERTY = "manyi.shared-data";

  private ReferenceData() {}

  /** The file below {@code pls/}, or a skipped test when it is not there. */
  static Path plsFile(String relative) {
    String root = System.getProperty(PROPERTY);
    assumeTrue(
        root != null && !root.isBlank(),
        "system property " + PROPERTY + " is not set; reference data tests skipped");
    Path file = Path.of(root, "pls", relative);
    assumeTrue(Files.isRegularFile(file), "reference file " + file + " is absent; test skipped");
    return file;
  }

  static DataTable csv(String relative) throws IOException {
    try (Reader reader = Files.newBufferedReader(plsFile(relative), StandardCharsets.UTF_8)) {
      return NumericCsv.read(reader);
    }
  }

  /** A plspm result CSV as rows of text cells keyed by their first cell. */
  static Map<String, List<String>> rows(String relative) throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(plsFile(relative), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.split(",", -1)) {
        cells.add(cell.replace("\"", ""));
      }
      rows.put(cells.get(0), cells);
    }
    return rows;
  }

  /** One numeric column of a plspm result CSV, keyed by the first cell of each row. */
  static Map<String, Double> column(String relative, String header) throws IOException {
    List<String> lines = Files.readAllLines(plsFile(relative), StandardCharsets.UTF_8);
    List<String> names = List.of(lines.get(0).replace("\"", "").split(",", -1));
    int index = names.indexOf(header);
    if (index < 0) {
      throw new IllegalArgumentException(relative + " has no column " + header + ": " + names);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    rows(relative).forEach((key, cells) -> values.put(key, Double.parseDouble(cells.get(index))));
    return values;
  }

  /**
   * A SmartPLS 2 result matrix (tab separated, decimal commas): row label to (column label to
   * value).
   */
  static Map<String, Map<String, Double>> smartPls(String relative) throws IOException {
    List<String> lines = Files.readAllLines(plsFile(relative), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t");
    Map<String, Map<String, Double>> matrix = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      Map<String, Double> row = new LinkedHashMap<>();
      for (int c = 1; c < header.length && c < cells.length; c++) {
        if (!header[c].isBlank()) {
          row.put(header[c].strip(), Double.parseDouble(cells[c].strip().replace(',', '.')));
        }
      }
      matrix.put(cells[0].strip(), row);
    }
    return matrix;
  }
}
