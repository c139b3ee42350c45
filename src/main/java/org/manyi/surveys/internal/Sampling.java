package org.manyi.surveys.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Random and stratified samples that are reproducible: the same candidates, size and seed always
 * give the same sample, whatever order the candidates came in.
 */
final class Sampling {

  private Sampling() {}

  /** A simple random sample of at most {@code size} candidates. */
  static <T> List<T> random(List<T> candidates, int size, long seed, Function<T, String> key) {
    List<T> shuffled = new ArrayList<>(candidates);
    shuffled.sort(Comparator.comparing(key));
    java.util.Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
  }

  /**
   * A stratified sample: {@code size} split between strata in proportion to their sizes (largest
   * remainder, ties to the larger stratum, then by name), then a random sample within each.
   */
  static <T> List<T> stratified(
      List<T> candidates,
      int size,
      long seed,
      Function<T, String> key,
      Function<T, String> stratum) {
    Map<String, List<T>> strata = new TreeMap<>();
    for (T candidate : candidates) {
      strata.computeIfAbsent(stratum.apply(candidate), k -> new ArrayList<>()).add(candidate);
    }
    Map<String, Integer> sizes = new LinkedHashMap<>();
    strata.forEach((name, members) -> sizes.put(name, members.size()));
    Map<String, Integer> allocation = allocate(sizes, size);
    List<T> sample = new ArrayList<>();
    long stratumSeed = seed;
    for (Map.Entry<String, List<T>> entry : strata.entrySet()) {
      sample.addAll(random(entry.getValue(), allocation.get(entry.getKey()), stratumSeed++, key));
    }
    return sample;
  }

  /**
   * Proportional allocation of {@code size} to strata by the largest remainder method; never more
   * than a stratum holds, and all of every stratum when the size exceeds the population.
   */
  static Map<String, Integer> allocate(Map<String, Integer> strata, int size) {
    long population = strata.values().stream().mapToLong(Integer::longValue).sum();
    Map<String, Integer> allocation = new TreeMap<>();
    if (population == 0) {
      strata.keySet().forEach(k -> allocation.put(k, 0));
      return allocation;
    }
    if (size >= population) {
      allocation.putAll(strata);
      return allocation;
    }
    record Share(String name, int members, double remainder) {}
    List<Share> shares = new ArrayList<>();
    int given = 0;
    for (Map.Entry<String, Integer> e : strata.entrySet()) {
      double exact = (double) size * e.getValue() / population;
      int whole = (int) Math.floor(exact);
      allocation.put(e.getKey(), whole);
      given += whole;
      shares.add(new Share(e.getKey(), e.getValue(), exact - whole));
    }
    shares.sort(
        Comparator.comparingDouble(Share::remainder)
            .reversed()
            .thenComparing(Comparator.comparingInt(Share::members).reversed())
            .thenComparing(Share::name));
    for (int i = 0; given < size; i++) {
      Share share = shares.get(i % shares.size());
      if (allocation.get(share.name()) < share.members()) {
        allocation.merge(share.name(), 1, Integer::sum);
        given++;
      }
    }
    return allocation;
  }
}
