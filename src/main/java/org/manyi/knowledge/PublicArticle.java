package org.manyi.knowledge;

import java.time.Instant;
import java.util.List;

/** A published article as customers read it. */
public record PublicArticle(
    ArticleId id,
    String title,
    String body,
    String category,
    List<String> tags,
    String language,
    int helpfulYes,
    int helpfulNo,
    Instant updatedAt) {}
