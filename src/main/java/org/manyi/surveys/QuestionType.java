package org.manyi.surveys;

/** The kinds of question a survey can ask; the scored ones carry their fixed scale. */
public enum QuestionType {
  /** Likelihood to recommend, 0–10: promoters 9–10, passives 7–8, detractors 0–6. */
  NPS(0, 10),
  /** Customer satisfaction, 1–5; top-2-box is 4–5. */
  CSAT(1, 5),
  /** Customer Effort Score 2.0: agreement 1–7 that it was easy, higher = easier. */
  CES(1, 7),
  /** A rating on the question's own scale (1–5 unless the question says otherwise). */
  RATING(1, 5),
  /** One option of a list. */
  SINGLE_CHOICE(0, 0),
  /** Any options of a list. */
  MULTI_CHOICE(0, 0),
  /** Agreement 1–5 with each statement (row) of a matrix. */
  LIKERT(1, 5),
  /** Free text. */
  TEXT(0, 0);

  private final int min;
  private final int max;

  QuestionType(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** Whether answers are numbers on a scale. */
  public boolean scored() {
    return max > min;
  }
}
