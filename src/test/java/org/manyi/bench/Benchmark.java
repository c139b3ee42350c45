package org.manyi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * A plain timing harness for the benchmarks under {@code bench/}: warm-up runs, then the median,
 * minimum and maximum of the measured runs, appended to {@code target/bench-results.md}. Not a test
 * of speed: benchmarks never fail on time.
 */
public final class Benchmark {

  private Benchmark() {}

  /** Median, minimum and maximum wall time of the measured runs, in milliseconds. */
  public record Timing(String name, int runs, double medianMs, double minMs, double maxMs) {

    String row() {
      return String.format(
          Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", name, runs, medianMs, minMs, maxMs);
    }
  }

  public static Timing measure(String name, int warmups, int runs, Runnable work) {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    Timing timing = new Timing(name, runs, median, ms[0], ms[runs - 1]);
    record(timing);
    return timing;
  }

  /** Records a throughput (or any single figure) rather than a timing. */
  public static void record(String name, double value, String unit) {
    append(String.format(Locale.ROOT, "| %s | 1 | %.0f %s | | |", name, value, unit));
  }

  private static void record(Timing timing) {
    append(timing.row());
  }

  private static void append(String row) {
    System.out.println("BENCH " + row);
    try {
      Path out = Path.of("target", "bench-results.md");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out, row + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The machine, for the results table. */
  static String machine() {
    return "%s, %d cores, JDK %s"
        .formatted(
            System.getProperty("os.name"),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
  }
}
