package org.manyi.pls;

/** Kano quality categories (Kano et al. 1984; Berger et al. 1993). */
public enum KanoCategory {
  /** Delights when present, not missed when absent. */
  ATTRACTIVE,
  /** Satisfies in proportion to how well it is fulfilled. */
  ONE_DIMENSIONAL,
  /** Expected: its absence dissatisfies, its presence goes unnoticed. */
  MUST_BE,
  /** Makes no difference either way. */
  INDIFFERENT,
  /** The respondent prefers its absence. */
  REVERSE,
  /** Contradictory answers (e.g. likes both presence and absence). */
  QUESTIONABLE
}
