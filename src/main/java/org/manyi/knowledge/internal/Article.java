package org.manyi.knowledge.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.UserId;
import org.manyi.knowledge.ArticleId;
import org.manyi.platform.ProblemException;

/**
 * A knowledge article. Text changes go through {@link #edit}, which checks the lengths; publishing
 * and withdrawing are named transitions (publishing a published article is a 409).
 */
public final class Article {

  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 20000;
  static final int MAX_CATEGORY = 64;
  static final int MAX_TAGS = 500;

  ArticleId id;
  String title;
  String body;
  String category;
  List<String> tags;
  ArticleLanguage language;
  ArticleStatus status;
  int helpfulYes;
  int helpfulNo;
  UserId createdBy;
  Instant createdAt;
  Instant updatedAt;
  @Nullable Instant publishedAt;
  int version;

  @SuppressWarnings("NullAway.Init")
  Article() {}

  static Article draft(ArticleId id, ArticleText text, UserId by, Instant now) {
    Article a = new Article();
    a.id = id;
    a.status = ArticleStatus.DRAFT;
    a.createdBy = by;
    a.createdAt = now;
    a.edit(text, now);
    return a;
  }

  /** Replaces title, body, category, tags and language, after checking them. */
  void edit(ArticleText text, Instant now) {
    String t = strip(text.title());
    String b = strip(text.body());
    String c = strip(text.category());
    if (t.isEmpty()) {
      throw ProblemException.invalid("title", "kb.title.required");
    }
    if (t.length() > MAX_TITLE) {
      throw ProblemException.invalid("title", "kb.title.tooLong", MAX_TITLE);
    }
    if (b.isEmpty()) {
      throw ProblemException.invalid("body", "kb.body.required");
    }
    if (b.length() > MAX_BODY) {
      throw ProblemException.invalid("body", "kb.body.tooLong", MAX_BODY);
    }
    if (c.isEmpty()) {
      throw ProblemException.invalid("category", "kb.category.required");
    }
    if (c.length() > MAX_CATEGORY) {
      throw ProblemException.invalid("category", "kb.category.tooLong", MAX_CATEGORY);
    }
    if (text.language() == null) {
      throw ProblemException.invalid("language", "kb.language.required");
    }
    List<String> tagList = tags(text.tags());
    if (String.join(",", tagList).length() > MAX_TAGS) {
      throw ProblemException.invalid("tags", "kb.tags.tooLong", MAX_TAGS);
    }
    title = t;
    body = b;
    category = c;
    tags = tagList;
    language = text.language();
    updatedAt = now;
  }

  void publish(Instant now) {
    if (status == ArticleStatus.PUBLISHED) {
      throw ProblemException.conflict("illegal-transition", "kb.alreadyPublished");
    }
    status = ArticleStatus.PUBLISHED;
    publishedAt = now;
    updatedAt = now;
  }

  void withdraw(Instant now) {
    if (status == ArticleStatus.DRAFT) {
      throw ProblemException.conflict("illegal-transition", "kb.notPublished");
    }
    status = ArticleStatus.DRAFT;
    updatedAt = now;
  }

  /** Tags from a comma-separated list (Chinese commas too), trimmed, without duplicates. */
  static List<String> tags(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    LinkedHashSet<String> set = new LinkedHashSet<>();
    Arrays.stream(text.split("[,，、;；]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(s -> set.add(s.toLowerCase(Locale.ROOT)));
    return List.copyOf(set);
  }

  private static String strip(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  public ArticleId id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public String category() {
    return category;
  }

  public List<String> tags() {
    return tags;
  }

  public ArticleLanguage language() {
    return language;
  }

  public ArticleStatus status() {
    return status;
  }

  public int helpfulYes() {
    return helpfulYes;
  }

  public int helpfulNo() {
    return helpfulNo;
  }

  public UserId createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public @Nullable Instant publishedAt() {
    return publishedAt;
  }
}
