package org.manyi.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.manyi.text.internal.SentimentModel;

/**
 * Labelled reviews for evaluating and training the sentiment model, never copied into the project:
 * {@code -Dmanyi.sentiment.csv=FILE} names any CSV with a header and the columns {@code label} (1
 * positive, 0 negative) and {@code review}; without it the development set {@code
 * sentiment/ChnSentiCorp_htl_all.csv} of the shared data is used. Tests are skipped, with a
 * message, when the file is absent.
 */
final class SentimentData {

  static final String CSV = "manyi.sentiment.csv";
  static final String SHARED = "manyi.shared-data";

  private SentimentData() {}

  static Path file() {
    String explicit = System.getProperty(CSV);
    Path file;
    if (explicit != null && !explicit.isBlank()) {
      file = Path.of(explicit);
    } else {
      String root = System.getProperty(SHARED, "../shared/data");
      file = Path.of(root, "sentiment", "ChnSentiCorp_htl_all.csv");
    }
    assumeTrue(
        Files.isRegularFile(file),
        "labelled reviews " + file + " are absent; set -D" + CSV + " or -D" + SHARED);
    return file;
  }

  static boolean isDevelopmentSet(Path file) {
    return file.getFileName().toString().startsWith("ChnSentiCorp");
  }

  static List<SentimentModel.Example> read(Path file) throws IOException {
    List<SentimentModel.Example> examples = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        String label = r.get("label").strip();
        String text = r.get("review");
        if (text == null || text.isBlank() || !(label.equals("0") || label.equals("1"))) {
          continue;
        }
        examples.add(new SentimentModel.Example(text, label.equals("1")));
      }
    }
    return examples;
  }
}
