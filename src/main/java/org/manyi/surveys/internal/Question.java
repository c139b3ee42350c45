package org.manyi.surveys.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.surveys.QuestionType;

/**
 * One question of a survey version.
 *
 * @param required whether an answer is needed (when the question is shown); absent means no
 * @param key stable name of the answer (letters, digits, underscore), unique in the survey
 * @param options the choices of a choice question; the rows (statements) of a Likert matrix
 * @param construct the index-model construct the item measures (e.g. PERQ), for PLS models
 * @param min lower end of a RATING scale (default 1)
 * @param max upper end of a RATING scale (default 5)
 * @param showIf shown only when an earlier question has a given answer
 */
public record Question(
    String key,
    QuestionType type,
    LocalizedText text,
    @Nullable List<Option> options,
    @Nullable Boolean required,
    @Nullable String construct,
    @Nullable Integer min,
    @Nullable Integer max,
    @Nullable ShowIf showIf) {

  /** A choice, or a statement of a Likert matrix. */
  public record Option(String value, LocalizedText text) {}

  /** Simple skip logic: show this question when {@code question}'s answer equals {@code equals}. */
  public record ShowIf(String question, String equals) {}

  public boolean mandatory() {
    return Boolean.TRUE.equals(required);
  }

  public List<Option> optionList() {
    return options == null ? List.of() : options;
  }

  public int scaleMin() {
    return type == QuestionType.RATING && min != null ? min : type.min();
  }

  public int scaleMax() {
    return type == QuestionType.RATING && max != null ? max : type.max();
  }
}
