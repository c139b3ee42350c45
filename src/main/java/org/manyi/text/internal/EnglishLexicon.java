package org.manyi.text.internal;

import java.util.Locale;
import java.util.Set;

/**
 * A small hand-made sentiment lexicon for English customer feedback, with negation ("not good")
 * flipping the next two words. A fallback for texts without Chinese; it knows common service words
 * only.
 */
final class EnglishLexicon {

  private static final Set<String> POSITIVE =
      Set.of(
          "good",
          "great",
          "excellent",
          "amazing",
          "awesome",
          "fantastic",
          "perfect",
          "love",
          "loved",
          "like",
          "liked",
          "nice",
          "happy",
          "satisfied",
          "pleased",
          "helpful",
          "friendly",
          "fast",
          "quick",
          "quickly",
          "easy",
          "recommend",
          "recommended",
          "thanks",
          "thank",
          "wonderful",
          "best",
          "clean",
          "comfortable",
          "polite",
          "professional",
          "efficient",
          "reliable",
          "smooth",
          "solved",
          "resolved",
          "fixed",
          "worth",
          "enjoyed",
          "impressed",
          "convenient",
          "kind",
          "courteous",
          "superb",
          "delighted");
  private static final Set<String> NEGATIVE =
      Set.of(
          "bad",
          "poor",
          "terrible",
          "awful",
          "horrible",
          "worst",
          "hate",
          "hated",
          "slow",
          "broken",
          "damaged",
          "defective",
          "late",
          "delayed",
          "rude",
          "dirty",
          "angry",
          "disappointed",
          "disappointing",
          "useless",
          "wrong",
          "missing",
          "lost",
          "refund",
          "complaint",
          "complain",
          "unhappy",
          "unacceptable",
          "never",
          "problem",
          "problems",
          "issue",
          "issues",
          "faulty",
          "expensive",
          "overcharged",
          "cheated",
          "scam",
          "fail",
          "failed",
          "fails",
          "error",
          "noisy",
          "waste",
          "annoying",
          "frustrated",
          "frustrating",
          "unhelpful",
          "ignored");
  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "don't", "didn't", "isn't", "wasn't", "doesn't", "hardly");

  private EnglishLexicon() {}

  /** Positive minus negative words, negations applied. */
  static int score(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z']+");
    int score = 0;
    int flip = 0;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (NEGATIONS.contains(w)) {
        flip = 2;
        continue;
      }
      int s = POSITIVE.contains(w) ? 1 : NEGATIVE.contains(w) ? -1 : 0;
      score += flip > 0 ? -s : s;
      flip = Math.max(0, flip - 1);
    }
    return score;
  }
}
