package org.manyi.knowledge;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Published knowledge articles, for customers and for other modules. Drafts are never returned. */
public interface KnowledgeSearch {

  /**
   * Published articles matching the words of {@code query} (Chinese is segmented into words), best
   * first; an empty list for a blank query.
   *
   * @param language {@code ZH} or {@code EN} to prefer that language, or absent for both
   */
  List<ArticleHit> search(String query, @Nullable String language, int limit);

  /** A published article; empty for a draft or an unknown ID. */
  Optional<PublicArticle> published(ArticleId id);

  /** Counts a reader's "was this helpful?" answer on a published article. */
  void vote(ArticleId id, boolean helpful);
}
