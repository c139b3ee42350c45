package org.manyi.knowledge.internal;

/** Whether customers can read an article. */
public enum ArticleStatus {
  /** Being written; staff only. */
  DRAFT,
  /** Shown in the portal and in search results. */
  PUBLISHED
}
