package org.manyi.value.internal;

/** Where a lost customer went. */
public enum DefectionKind {
  /** Buys the same kind of thing from a competitor now. */
  SWITCHED_TO_COMPETITOR,
  /** No longer buys this kind of thing at all. */
  LEFT_CATEGORY,
  /** Not found out. */
  UNKNOWN
}
