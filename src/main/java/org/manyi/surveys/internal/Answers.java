package org.manyi.surveys.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.QuestionType;

/**
 * Checks a response against the survey's questions and flattens it into item-level answers: one per
 * question, one per row of a Likert matrix ({@code key.row}), one per chosen option of a multiple
 * choice ({@code key.option}).
 */
final class Answers {

  static final int MAX_TEXT = 4000;

  /** One stored answer: a score on the question's scale, or a text. */
  record Item(
      String key,
      String questionKey,
      QuestionType type,
      @Nullable Integer score,
      @Nullable String text) {}

  private Answers() {}

  static List<Item> check(List<Question> questions, Map<String, Object> answers) {
    for (String key : answers.keySet()) {
      if (questions.stream().noneMatch(q -> q.key().equals(key))) {
        throw ProblemException.invalid("answers." + key, "response.unknownQuestion");
      }
    }
    List<Item> items = new ArrayList<>();
    for (Question q : questions) {
      Object value = answers.get(q.key());
      String field = "answers." + q.key();
      if (isEmpty(value)) {
        if (q.mandatory() && shown(q, answers)) {
          throw ProblemException.invalid(field, "response.required");
        }
        continue;
      }
      switch (q.type()) {
        case NPS, CSAT, CES, RATING -> {
          int score = integer(value, field);
          if (score < q.scaleMin() || score > q.scaleMax()) {
            throw ProblemException.invalid(field, "response.range", q.scaleMin(), q.scaleMax());
          }
          items.add(new Item(q.key(), q.key(), q.type(), score, null));
        }
        case SINGLE_CHOICE -> {
          String choice = value.toString();
          option(q, choice, field);
          items.add(new Item(q.key(), q.key(), q.type(), null, choice));
        }
        case MULTI_CHOICE -> {
          if (!(value instanceof Collection<?> chosen)) {
            throw ProblemException.invalid(field, "response.choices");
          }
          for (Object c : chosen) {
            String choice = Objects.toString(c);
            option(q, choice, field);
            items.add(new Item(q.key() + "." + choice, q.key(), q.type(), 1, choice));
          }
        }
        case LIKERT -> {
          if (!(value instanceof Map<?, ?> rows)) {
            throw ProblemException.invalid(field, "response.matrix");
          }
          for (var row : rows.entrySet()) {
            String rowKey = Objects.toString(row.getKey());
            option(q, rowKey, field);
            if (isEmpty(row.getValue())) {
              continue;
            }
            int score = integer(row.getValue(), field + "." + rowKey);
            if (score < q.scaleMin() || score > q.scaleMax()) {
              throw ProblemException.invalid(
                  field + "." + rowKey, "response.range", q.scaleMin(), q.scaleMax());
            }
            items.add(new Item(q.key() + "." + rowKey, q.key(), q.type(), score, null));
          }
        }
        case TEXT -> {
          String text = value.toString().strip();
          if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "response.textTooLong", MAX_TEXT);
          }
          items.add(new Item(q.key(), q.key(), q.type(), null, text));
        }
      }
    }
    if (items.isEmpty()) {
      throw ProblemException.invalid("answers", "response.empty");
    }
    return items;
  }

  private static boolean shown(Question q, Map<String, Object> answers) {
    if (q.showIf() == null) {
      return true;
    }
    Object other = answers.get(q.showIf().question());
    return other != null && other.toString().equals(q.showIf().equals());
  }

  private static void option(Question q, String value, String field) {
    if (q.optionList().stream().noneMatch(o -> o.value().equals(value))) {
      throw ProblemException.invalid(field, "response.option");
    }
  }

  private static int integer(Object value, String field) {
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (d == Math.rint(d)) {
        return (int) d;
      }
    } else if (value instanceof String text) {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        // falls through to the refusal below
      }
    }
    throw ProblemException.invalid(field, "response.number");
  }

  private static boolean isEmpty(@Nullable Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }
}
