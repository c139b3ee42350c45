package org.manyi.text.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Multinomial Naive Bayes over a text's words (and the character bigrams of its Chinese, so unseen
 * word splits still match), with add-one smoothing. Immutable once trained.
 */
public final class CategoryModel {

  /** A text with the category an agent confirmed. */
  public record Labelled(String text, String category) {}

  /** A category and its posterior probability. */
  public record Scored(String category, double probability) {}

  private final Map<String, Double> logPrior;
  private final Map<String, Map<String, Integer>> counts;
  private final Map<String, Integer> totals;
  private final int vocabulary;
  private final int trainedOn;
  private final Function<String, List<String>> features;

  private CategoryModel(
      Map<String, Double> logPrior,
      Map<String, Map<String, Integer>> counts,
      Map<String, Integer> totals,
      int vocabulary,
      int trainedOn,
      Function<String, List<String>> features) {
    this.logPrior = logPrior;
    this.counts = counts;
    this.totals = totals;
    this.vocabulary = vocabulary;
    this.trainedOn = trainedOn;
    this.features = features;
  }

  /**
   * @param features how a text becomes tokens (words and bigrams)
   */
  public static CategoryModel train(
      List<Labelled> examples, Function<String, List<String>> features) {
    Map<String, Integer> docs = new HashMap<>();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    Set<String> vocabulary = new HashSet<>();
    for (Labelled e : examples) {
      docs.merge(e.category(), 1, Integer::sum);
      Map<String, Integer> c = counts.computeIfAbsent(e.category(), k -> new HashMap<>());
      for (String f : features.apply(e.text())) {
        c.merge(f, 1, Integer::sum);
        totals.merge(e.category(), 1, Integer::sum);
        vocabulary.add(f);
      }
    }
    Map<String, Double> logPrior = new HashMap<>();
    docs.forEach((k, n) -> logPrior.put(k, Math.log(n / (double) examples.size())));
    return new CategoryModel(
        logPrior, counts, totals, vocabulary.size(), examples.size(), features);
  }

  public int trainedOn() {
    return trainedOn;
  }

  /** Categories by probability, best first; empty for an untrained model. */
  public List<Scored> classify(String text, int limit) {
    if (logPrior.isEmpty()) {
      return List.of();
    }
    List<String> tokens = features.apply(text);
    Map<String, Double> log = new HashMap<>();
    for (Map.Entry<String, Double> prior : logPrior.entrySet()) {
      String k = prior.getKey();
      Map<String, Integer> c = counts.getOrDefault(k, Map.of());
      double denominator = totals.getOrDefault(k, 0) + vocabulary + 1.0;
      double sum = prior.getValue();
      for (String t : tokens) {
        sum += Math.log((c.getOrDefault(t, 0) + 1.0) / denominator);
      }
      log.put(k, sum);
    }
    double max = log.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double norm = log.values().stream().mapToDouble(v -> Math.exp(v - max)).sum();
    List<Scored> scored = new ArrayList<>();
    log.forEach((k, v) -> scored.add(new Scored(k, Math.exp(v - max) / norm)));
    scored.sort(Comparator.comparingDouble(Scored::probability).reversed());
    return scored.subList(0, Math.min(limit, scored.size()));
  }
}
