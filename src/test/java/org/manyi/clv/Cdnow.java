package org.manyi.clv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CDNOW reference data from the shared data folder (system property {@code
 * manyi.shared-data}); tests using it are skipped with a message when the files are absent.
 */
public final class Cdnow {

  public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  public static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  static final double HOLDOUT_WEEKS = 39;

  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private Cdnow() {}

  static Path file(String relative) {
    String root = System.getProperty("manyi.shared-data", "../shared/data");
    Path path = Path.of(root, "clv", relative);
    assumeTrue(
        Files.isReadable(path),
        "reference data " + path + " is absent; set -Dmanyi.shared-data to run this test");
    return path;
  }

  /** The 6,919 purchases of the 2,357-customer CDNOW sample; customer id = sample id (1..2357). */
  public static List<Transaction> sampleTransactions() {
    List<Transaction> out = new ArrayList<>();
    for (String line : lines(file("lifetimes/CDNOW_sample.txt"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 5) {
        continue;
      }
      out.add(
          new Transaction(
              Integer.toString(Integer.parseInt(f[1])),
              LocalDate.parse(f[2], YYYYMMDD),
              Double.parseDouble(f[4])));
    }
    return out;
  }

  /** The calibration/holdout summary of the sample, in weeks. */
  static CustomerBase sampleBase() {
    return CustomerBase.summarise(
        sampleTransactions(), CALIBRATION_END, HOLDOUT_END, TimeUnit.WEEK);
  }

  /** The lifetimes summary with the published zbar (mean repeat value, 2 decimals). */
  static List<CustomerSummary> lifetimesSpendSummary() {
    List<CustomerSummary> out = new ArrayList<>();
    List<String> lines = lines(file("lifetimes/cdnow_customers_summary_with_transactions.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.add(
          CustomerSummary.withValue(
              f[0],
              Integer.parseInt(f[1]),
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4])));
    }
    return out;
  }

  private static List<String> lines(Path path) {
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
