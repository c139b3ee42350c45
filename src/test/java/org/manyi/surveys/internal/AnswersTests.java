package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;

class AnswersTests {

  private static final LocalizedText T = new LocalizedText("题", "Q");
  private static final List<Question> QUESTIONS =
      List.of(
          new Question("nps", QuestionType.NPS, T, null, true, null, null, null, null),
          new Question(
              "channel",
              QuestionType.SINGLE_CHOICE,
              T,
              List.of(new Question.Option("store", T), new Question.Option("online", T)),
              false,
              null,
              null,
              null,
              null),
          new Question(
              "why",
              QuestionType.TEXT,
              T,
              null,
              true,
              null,
              null,
              null,
              new Question.ShowIf("channel", "store")),
          new Question(
              "matrix",
              QuestionType.LIKERT,
              T,
              List.of(new Question.Option("staff", T), new Question.Option("price", T)),
              false,
              null,
              null,
              null,
              null),
          new Question("stars", QuestionType.RATING, T, null, false, null, 1, 10, null));

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (ProblemException e) {
      return e.firstField().field();
    }
    throw new AssertionError("no problem raised");
  }

  @Test
  void flattensAnswersIntoItems() {
    List<Answers.Item> items =
        Answers.check(
            QUESTIONS,
            Map.of(
                "nps",
                9,
                "channel",
                "online",
                "matrix",
                Map.of("staff", "4", "price", 2),
                "stars",
                "10"));
    assertThat(items)
        .extracting(Answers.Item::key)
        .containsExactlyInAnyOrder("nps", "channel", "matrix.staff", "matrix.price", "stars");
    assertThat(items)
        .filteredOn(i -> i.key().equals("stars"))
        .extracting(Answers.Item::score)
        .containsExactly(10);
  }

  @Test
  void refusesValuesOffTheScaleNamingTheAnswer() {
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", 11)))).isEqualTo("answers.nps");
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", 8.5)))).isEqualTo("answers.nps");
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", "ten"))))
        .isEqualTo("answers.nps");
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", 5, "stars", 0))))
        .isEqualTo("answers.stars");
    assertThat(
            field(() -> Answers.check(QUESTIONS, Map.of("nps", 5, "matrix", Map.of("staff", 6)))))
        .isEqualTo("answers.matrix.staff");
  }

  @Test
  void refusesUnknownQuestionsAndOptions() {
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", 5, "age", 30))))
        .isEqualTo("answers.age");
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", 5, "channel", "phone"))))
        .isEqualTo("answers.channel");
  }

  @Test
  void requiredQuestionsAreRequiredOnlyWhenShown() {
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("channel", "online"))))
        .isEqualTo("answers.nps");
    assertThat(field(() -> Answers.check(QUESTIONS, Map.of("nps", 3, "channel", "store"))))
        .isEqualTo("answers.why");
    assertThat(Answers.check(QUESTIONS, Map.of("nps", 3, "channel", "online"))).hasSize(2);
  }

  @Test
  void surveysRefuseBadQuestionDefinitions() {
    Question duplicate = QUESTIONS.get(0);
    assertThatThrownBy(() -> Survey.checked(List.of(duplicate, duplicate)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("questions[1].key"));
    Question lonelyChoice =
        new Question(
            "c",
            QuestionType.SINGLE_CHOICE,
            T,
            List.of(new Question.Option("a", T)),
            false,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> Survey.checked(List.of(lonelyChoice)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("questions[0].options"));
  }
}
