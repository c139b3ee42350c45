package org.manyi.satisfaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.pls.DataTable;
import org.manyi.pls.DisconfirmationAnalysis;
import org.manyi.pls.GapResult;
import org.manyi.pls.KanoAnalysis;
import org.manyi.pls.KanoAnswer;
import org.manyi.pls.KanoResult;

/** Kano classification and expectation gaps on answers posted as JSON, with 400s naming cells. */
public final class SurveyAnalyses {

  /** Answers per attribute, each a {@code [functional, dysfunctional]} pair coded 1 to 5. */
  public record KanoRequest(
      @Nullable Map<String, @Nullable List<@Nullable List<@Nullable Integer>>> answers) {}

  /** Paired expected and perceived answers per attribute; null marks a missing answer. */
  public record GapRequest(@Nullable Map<String, @Nullable GapPair> attributes) {}

  /** One attribute's answers, respondent by respondent. */
  public record GapPair(
      @Nullable List<@Nullable Double> expected, @Nullable List<@Nullable Double> perceived) {}

  /** Column suffixes pairing the questions of one attribute in an uploaded CSV. */
  public static final String FUNCTIONAL = "_f";

  public static final String DYSFUNCTIONAL = "_d";
  public static final String EXPECTED = "_exp";
  public static final String PERCEIVED = "_per";

  private SurveyAnalyses() {}

  /**
   * Kano classification of an upload whose columns come in pairs {@code <attribute>_f} and {@code
   * <attribute>_d}, answers coded 1 (like) to 5 (dislike); empty cells are skipped.
   *
   * @throws ProblemException 400 on {@code data} when no pair is found or a code is out of range
   */
  public static List<KanoResult> kano(DataTable data) {
    List<KanoResult> results = new ArrayList<>();
    for (String attribute : attributes(data, FUNCTIONAL, DYSFUNCTIONAL)) {
      try {
        results.add(
            KanoAnalysis.analyse(
                attribute,
                data.column(attribute + FUNCTIONAL),
                data.column(attribute + DYSFUNCTIONAL)));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("data", "satisfaction.kano.codes", attribute);
      }
    }
    if (results.isEmpty()) {
      throw ProblemException.invalid("data", "satisfaction.kano.noPairs");
    }
    return List.copyOf(results);
  }

  /**
   * Expectation gaps of an upload whose columns come in pairs {@code <attribute>_exp} and {@code
   * <attribute>_per}, worst first.
   *
   * @throws ProblemException 400 on {@code data} when no pair is found
   */
  public static List<GapResult> gaps(DataTable data) {
    List<DisconfirmationAnalysis.Pair> pairs = new ArrayList<>();
    for (String attribute : attributes(data, EXPECTED, PERCEIVED)) {
      pairs.add(
          new DisconfirmationAnalysis.Pair(
              attribute, data.column(attribute + EXPECTED), data.column(attribute + PERCEIVED)));
    }
    if (pairs.isEmpty()) {
      throw ProblemException.invalid("data", "satisfaction.gaps.noPairs");
    }
    return DisconfirmationAnalysis.gaps(pairs).stream().filter(g -> g.n() > 0).toList();
  }

  /** Attributes with both a {@code first} and a {@code second} column, in column order. */
  private static List<String> attributes(DataTable data, String first, String second) {
    List<String> attributes = new ArrayList<>();
    for (String column : data.columns()) {
      if (column.endsWith(first)) {
        String attribute = column.substring(0, column.length() - first.length());
        if (!attribute.isEmpty() && data.column(attribute + second) != null) {
          attributes.add(attribute);
        }
      }
    }
    return attributes;
  }

  /**
   * @throws ProblemException 400 naming the attribute or the pair at fault
   */
  public static List<KanoResult> kano(KanoRequest request) {
    if (request.answers() == null || request.answers().isEmpty()) {
      throw ProblemException.invalid("answers", "satisfaction.kano.answers.required");
    }
    List<KanoResult> results = new ArrayList<>();
    request
        .answers()
        .forEach(
            (attribute, pairs) -> {
              if (pairs == null) {
                throw ProblemException.invalid(
                    "answers." + attribute, "satisfaction.kano.answers.required");
              }
              List<KanoAnalysis.Pair> answers = new ArrayList<>();
              for (int r = 0; r < pairs.size(); r++) {
                List<Integer> pair = pairs.get(r);
                String field = "answers." + attribute + "[" + r + "]";
                if (pair == null || pair.size() != 2 || pair.contains(null)) {
                  throw ProblemException.invalid(field, "satisfaction.kano.pair");
                }
                try {
                  answers.add(
                      new KanoAnalysis.Pair(
                          KanoAnswer.ofCode(pair.get(0)), KanoAnswer.ofCode(pair.get(1))));
                } catch (IllegalArgumentException e) {
                  throw ProblemException.invalid(field, "satisfaction.kano.pair");
                }
              }
              results.add(KanoAnalysis.analyse(attribute, answers));
            });
    return List.copyOf(results);
  }

  /**
   * @throws ProblemException 400 naming the attribute whose lists are missing or differ in length
   */
  public static List<GapResult> gaps(GapRequest request) {
    if (request.attributes() == null || request.attributes().isEmpty()) {
      throw ProblemException.invalid("attributes", "satisfaction.gaps.attributes.required");
    }
    List<DisconfirmationAnalysis.Pair> pairs = new ArrayList<>();
    request
        .attributes()
        .forEach(
            (attribute, pair) -> {
              if (pair == null
                  || pair.expected() == null
                  || pair.perceived() == null
                  || pair.expected().size() != pair.perceived().size()) {
                throw ProblemException.invalid("attributes." + attribute, "satisfaction.gaps.pair");
              }
              pairs.add(
                  new DisconfirmationAnalysis.Pair(
                      attribute, values(pair.expected()), values(pair.perceived())));
            });
    return DisconfirmationAnalysis.gaps(pairs).stream()
        .map(
            g -> Double.isNaN(g.meanGap()) ? new GapResult(g.attribute(), g.n(), 0, null, null) : g)
        .toList();
  }

  private static double[] values(List<@Nullable Double> answers) {
    double[] values = new double[answers.size()];
    for (int i = 0; i < values.length; i++) {
      Double v = answers.get(i);
      values[i] = v == null ? Double.NaN : v;
    }
    return values;
  }
}
