package org.manyi.text.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A binary sentiment classifier for Chinese: logistic regression over the character 1-, 2- and
 * 3-grams a text contains (lower-cased, digits folded, white space dropped), each text's features
 * scaled to unit length. Trained with AdaGrad and L2 regularisation, positive and negative examples
 * weighted so both classes count equally (balanced accuracy is the target, and reviews are mostly
 * positive). Immutable and thread-safe once built.
 */
public final class SentimentModel {

  /** A labelled text for training or evaluation. */
  public record Example(String text, boolean positive) {}

  /** Counts of a binary evaluation. */
  public record Evaluation(
      int truePositives, int trueNegatives, int falsePositives, int falseNegatives) {

    public int total() {
      return truePositives + trueNegatives + falsePositives + falseNegatives;
    }

    /** The mean of the recall of positives and the recall of negatives. */
    public double balancedAccuracy() {
      double tpr = truePositives / (double) Math.max(1, truePositives + falseNegatives);
      double tnr = trueNegatives / (double) Math.max(1, trueNegatives + falsePositives);
      return (tpr + tnr) / 2;
    }

    public double accuracy() {
      return (truePositives + trueNegatives) / (double) Math.max(1, total());
    }

    Evaluation plus(Evaluation o) {
      return new Evaluation(
          truePositives + o.truePositives,
          trueNegatives + o.trueNegatives,
          falsePositives + o.falsePositives,
          falseNegatives + o.falseNegatives);
    }
  }

  static final int MAX_CHARS = 2000;
  static final String HEADER = "#manyi-sentiment-v1";

  private final double bias;
  private final Map<String, Float> weights;

  SentimentModel(double bias, Map<String, Float> weights) {
    this.bias = bias;
    this.weights = Map.copyOf(weights);
  }

  public int size() {
    return weights.size();
  }

  /** The features of a text: its distinct character 1-, 2- and 3-grams after normalising. */
  public static Set<String> features(String text) {
    StringBuilder norm = new StringBuilder(Math.min(text.length(), MAX_CHARS));
    for (int i = 0; i < text.length() && norm.length() < MAX_CHARS; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      norm.append(Character.isDigit(c) ? '0' : Character.toLowerCase(c));
    }
    Set<String> features = new LinkedHashSet<>();
    int n = norm.length();
    for (int i = 0; i < n; i++) {
      features.add(norm.substring(i, i + 1));
      if (i + 2 <= n) {
        features.add(norm.substring(i, i + 2));
      }
      if (i + 3 <= n) {
        features.add(norm.substring(i, i + 3));
      }
    }
    return features;
  }

  /** The log-odds that the text is positive. */
  public double logit(String text) {
    Set<String> features = features(text);
    if (features.isEmpty()) {
      return 0;
    }
    double sum = 0;
    int known = 0;
    for (String f : features) {
      Float w = weights.get(f);
      if (w != null) {
        sum += w;
        known++;
      }
    }
    if (known == 0) {
      return 0;
    }
    return bias + sum / Math.sqrt(features.size());
  }

  /** The probability that the text is positive; 0.5 when it has no feature the model knows. */
  public double positive(String text) {
    return 1 / (1 + Math.exp(-logit(text)));
  }

  /**
   * Trains a model.
   *
   * @param minDocuments features in fewer training texts are left out (noise, and model size)
   */
  public static SentimentModel train(
      List<Example> examples, long seed, int epochs, int minDocuments, double l2) {
    Map<String, Integer> df = new HashMap<>();
    List<Set<String>> all = new ArrayList<>(examples.size());
    for (Example e : examples) {
      Set<String> f = features(e.text());
      all.add(f);
      f.forEach(x -> df.merge(x, 1, Integer::sum));
    }
    Map<String, Integer> index = new HashMap<>();
    df.forEach(
        (f, count) -> {
          if (count >= minDocuments) {
            index.put(f, index.size());
          }
        });
    int[][] rows = new int[examples.size()][];
    double[] scale = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      Set<String> f = all.get(i);
      rows[i] = f.stream().map(index::get).filter(x -> x != null).mapToInt(x -> x).toArray();
      scale[i] = f.isEmpty() ? 0 : 1 / Math.sqrt(f.size());
    }
    long positives = examples.stream().filter(Example::positive).count();
    long negatives = examples.size() - positives;
    double wPos = examples.size() / (2.0 * Math.max(1, positives));
    double wNeg = examples.size() / (2.0 * Math.max(1, negatives));
    double[] w = new double[index.size()];
    double[] g2 = new double[index.size()];
    java.util.Arrays.fill(g2, 1e-8);
    double b = 0;
    double gb = 1e-8;
    double rate = 0.5;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int i : order) {
        boolean y = examples.get(i).positive();
        double z = b;
        for (int x : rows[i]) {
          z += w[x] * scale[i];
        }
        double p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
        double g = (p - (y ? 1 : 0)) * (y ? wPos : wNeg);
        for (int x : rows[i]) {
          double gx = g * scale[i] + l2 * w[x];
          g2[x] += gx * gx;
          w[x] -= rate * gx / Math.sqrt(g2[x]);
        }
        gb += g * g;
        b -= rate * g / Math.sqrt(gb);
      }
    }
    Map<String, Float> weights = new HashMap<>();
    index.forEach(
        (f, x) -> {
          // weights this small change no decision; leaving them out keeps the shipped file small
          if (Math.abs(w[x]) >= 1e-3) {
            weights.put(f, (float) w[x]);
          }
        });
    return new SentimentModel(b, weights);
  }

  /** Counts right and wrong decisions (positive when the probability is at least one half). */
  public static Evaluation evaluate(Predicate<String> saysPositive, List<Example> examples) {
    int tp = 0;
    int tn = 0;
    int fp = 0;
    int fn = 0;
    for (Example e : examples) {
      boolean p = saysPositive.test(e.text());
      if (e.positive()) {
        if (p) {
          tp++;
        } else {
          fn++;
        }
      } else if (p) {
        fp++;
      } else {
        tn++;
      }
    }
    return new Evaluation(tp, tn, fp, fn);
  }

  /**
   * k-fold cross-validation: the examples are shuffled with the seed, each fold is held out once
   * while a model is trained on the others; the counts of all folds are added up.
   */
  public static Evaluation crossValidate(
      List<Example> examples, int folds, long seed, int epochs, int minDocuments, double l2) {
    List<Example> shuffled = new ArrayList<>(examples);
    Collections.shuffle(shuffled, new Random(seed));
    Evaluation total = new Evaluation(0, 0, 0, 0);
    for (int k = 0; k < folds; k++) {
      List<Example> train = new ArrayList<>();
      List<Example> test = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) {
        (i % folds == k ? test : train).add(shuffled.get(i));
      }
      SentimentModel model = train(train, seed + k, epochs, minDocuments, l2);
      total = total.plus(evaluate(t -> model.positive(t) >= 0.5, test));
    }
    return total;
  }

  /** Writes the model as gzip-compressed lines of feature and weight. */
  public void write(OutputStream out) throws IOException {
    try (BufferedWriter w =
        new BufferedWriter(
            new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
      w.write(HEADER + "\t" + bias + "\n");
      List<String> keys = new ArrayList<>(weights.keySet());
      Collections.sort(keys);
      for (String k : keys) {
        w.write(k + "\t" + String.format(Locale.ROOT, "%.4f", weights.get(k)) + "\n");
      }
    }
  }

  public static SentimentModel read(InputStream in) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null || !header.startsWith(HEADER + "\t")) {
        throw new IOException("not a Manyi sentiment model");
      }
      double bias = Double.parseDouble(header.substring(HEADER.length() + 1));
      Map<String, Float> weights = new HashMap<>();
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.lastIndexOf('\t');
        if (tab > 0) {
          weights.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
        }
      }
      return new SentimentModel(bias, weights);
    }
  }
}
