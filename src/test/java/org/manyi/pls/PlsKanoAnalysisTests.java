package org.manyi.pls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.manyi.pls.KanoAnswer.DISLIKE;
import static org.manyi.pls.KanoAnswer.LIKE;
import static org.manyi.pls.KanoAnswer.LIVE_WITH;
import static org.manyi.pls.KanoAnswer.MUST_BE;
import static org.manyi.pls.KanoAnswer.NEUTRAL;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlsKanoAnalysisTests {

  @Test
  void evaluationTableClassifiesTheTextbookPairs() {
    assertThat(KanoAnalysis.classify(LIKE, DISLIKE)).isEqualTo(KanoCategory.ONE_DIMENSIONAL);
    assertThat(KanoAnalysis.classify(LIKE, NEUTRAL)).isEqualTo(KanoCategory.ATTRACTIVE);
    assertThat(KanoAnalysis.classify(LIKE, MUST_BE)).isEqualTo(KanoCategory.ATTRACTIVE);
    assertThat(KanoAnalysis.classify(NEUTRAL, DISLIKE)).isEqualTo(KanoCategory.MUST_BE);
    assertThat(KanoAnalysis.classify(LIVE_WITH, DISLIKE)).isEqualTo(KanoCategory.MUST_BE);
    assertThat(KanoAnalysis.classify(NEUTRAL, NEUTRAL)).isEqualTo(KanoCategory.INDIFFERENT);
    assertThat(KanoAnalysis.classify(MUST_BE, LIVE_WITH)).isEqualTo(KanoCategory.INDIFFERENT);
    assertThat(KanoAnalysis.classify(DISLIKE, LIKE)).isEqualTo(KanoCategory.REVERSE);
    assertThat(KanoAnalysis.classify(NEUTRAL, LIKE)).isEqualTo(KanoCategory.REVERSE);
    assertThat(KanoAnalysis.classify(LIKE, LIKE)).isEqualTo(KanoCategory.QUESTIONABLE);
    assertThat(KanoAnalysis.classify(DISLIKE, DISLIKE)).isEqualTo(KanoCategory.QUESTIONABLE);
  }

  /**
   * Twelve respondents: 4 attractive, 3 one-dimensional, 2 must-be, 1 indifferent, 1 reverse, 1
   * questionable. By hand: Better = (4+3)/(4+3+2+1) = 0.7, Worse = −(3+2)/10 = −0.5.
   */
  @Test
  void countsDominantCategoryAndBetterWorseMatchHandComputation() {
    List<KanoAnalysis.Pair> pairs = new ArrayList<>();
    add(pairs, 4, LIKE, NEUTRAL);
    add(pairs, 3, LIKE, DISLIKE);
    add(pairs, 2, NEUTRAL, DISLIKE);
    add(pairs, 1, NEUTRAL, NEUTRAL);
    add(pairs, 1, DISLIKE, LIKE);
    add(pairs, 1, LIKE, LIKE);

    KanoResult result = KanoAnalysis.analyse("free delivery", pairs);

    assertThat(result.responses()).isEqualTo(12);
    assertThat(result.counts())
        .containsEntry(KanoCategory.ATTRACTIVE, 4)
        .containsEntry(KanoCategory.ONE_DIMENSIONAL, 3)
        .containsEntry(KanoCategory.MUST_BE, 2)
        .containsEntry(KanoCategory.INDIFFERENT, 1)
        .containsEntry(KanoCategory.REVERSE, 1)
        .containsEntry(KanoCategory.QUESTIONABLE, 1);
    assertThat(result.dominant()).isEqualTo(KanoCategory.ATTRACTIVE);
    assertThat(result.better()).isCloseTo(0.7, within(1e-12));
    assertThat(result.worse()).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void tiesGoToTheCategoryWithTheStrongerEffect() {
    List<KanoAnalysis.Pair> pairs = new ArrayList<>();
    add(pairs, 2, LIKE, NEUTRAL);
    add(pairs, 2, NEUTRAL, DISLIKE);

    assertThat(KanoAnalysis.analyse("x", pairs).dominant()).isEqualTo(KanoCategory.MUST_BE);
  }

  @Test
  void codedColumnsSkipMissingAnswers() {
    double[] functional = {1, 1, 3, Double.NaN};
    double[] dysfunctional = {5, 3, 5, 5};

    KanoResult result = KanoAnalysis.analyse("x", functional, dysfunctional);

    assertThat(result.responses()).isEqualTo(3);
    assertThat(result.counts().get(KanoCategory.ONE_DIMENSIONAL)).isEqualTo(1);
    assertThat(result.counts().get(KanoCategory.ATTRACTIVE)).isEqualTo(1);
    assertThat(result.counts().get(KanoCategory.MUST_BE)).isEqualTo(1);
  }

  @Test
  void onlyQuestionableOrReverseAnswersLeaveBetterAndWorseUndefined() {
    KanoResult result = KanoAnalysis.analyse("x", List.of(new KanoAnalysis.Pair(LIKE, LIKE)));

    assertThat(result.better()).isNull();
    assertThat(result.worse()).isNull();
    assertThat(result.dominant()).isEqualTo(KanoCategory.QUESTIONABLE);
  }

  @Test
  void codesOutsideOneToFiveAreRejected() {
    assertThatThrownBy(() -> KanoAnalysis.analyse("x", new double[] {6}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
  }

  private static void add(
      List<KanoAnalysis.Pair> pairs, int times, KanoAnswer functional, KanoAnswer dysfunctional) {
    for (int i = 0; i < times; i++) {
      pairs.add(new KanoAnalysis.Pair(functional, dysfunctional));
    }
  }
}
