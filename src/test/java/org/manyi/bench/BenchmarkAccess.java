package org.manyi.bench;

/**
 * The timing harness for benchmarks that must live in a module's package to reach its internals.
 */
public final class BenchmarkAccess {

  private BenchmarkAccess() {}

  /** Times {@code work} as {@link Benchmark#measure} does and records the row. */
  public static void measure(String name, int warmups, int runs, Runnable work) {
    Benchmark.measure(name, warmups, runs, work);
  }
}
