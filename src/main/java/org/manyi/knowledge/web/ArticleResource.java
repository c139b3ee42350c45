package org.manyi.knowledge.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.knowledge.ArticleHit;
import org.manyi.knowledge.internal.Article;
import org.manyi.knowledge.internal.ArticleLanguage;
import org.manyi.knowledge.internal.ArticleStatus;

/** An article as the API shows it to staff. */
record ArticleResource(
    UUID id,
    String title,
    String body,
    String category,
    List<String> tags,
    ArticleLanguage language,
    ArticleStatus status,
    int helpfulYes,
    int helpfulNo,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant publishedAt) {

  static ArticleResource of(Article a) {
    return new ArticleResource(
        a.id().value(),
        a.title(),
        a.body(),
        a.category(),
        a.tags(),
        a.language(),
        a.status(),
        a.helpfulYes(),
        a.helpfulNo(),
        a.createdAt(),
        a.updatedAt(),
        a.publishedAt());
  }

  /** One search result. */
  record Hit(UUID id, String title, String snippet, String category, String language, float score) {

    static Hit of(ArticleHit h) {
      return new Hit(h.id().value(), h.title(), h.snippet(), h.category(), h.language(), h.score());
    }
  }

  /** Search results with the query they answer. */
  record Hits(String q, List<Hit> items) {}
}
