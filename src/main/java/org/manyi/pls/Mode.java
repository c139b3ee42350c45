package org.manyi.pls;

/** How a construct relates to its items. */
public enum Mode {
  /** Reflective: the items reflect the construct; weights are covariances with the inner proxy. */
  A,
  /** Formative: the items form the construct; weights come from a multiple regression. */
  B
}
