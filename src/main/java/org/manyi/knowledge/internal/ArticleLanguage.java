package org.manyi.knowledge.internal;

/** The language an article is written in. */
public enum ArticleLanguage {
  /** Simplified Chinese. */
  ZH,
  /** English. */
  EN
}
