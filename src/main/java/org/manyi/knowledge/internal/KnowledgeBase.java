package org.manyi.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.knowledge.ArticleHit;
import org.manyi.knowledge.ArticleId;
import org.manyi.knowledge.KnowledgeSearch;
import org.manyi.knowledge.PublicArticle;
import org.manyi.platform.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writing, publishing and finding knowledge articles. The search index follows the database: it is
 * rebuilt when the application is ready and changed after each commit (a rolled-back change never
 * reaches it).
 */
@Service
public class KnowledgeBase implements KnowledgeSearch {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
  public static final int MAX_QUERY = 200;

  private final ArticleRepository articles;
  private final ArticleIndex index;
  private final Clock clock = Clock.systemUTC();

  KnowledgeBase(ArticleRepository articles, ArticleIndex index) {
    this.articles = articles;
    this.index = index;
  }

  /** Builds the index from every stored article. */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional(readOnly = true)
  public void rebuildIndex() {
    index.clear();
    int[] n = {0};
    articles.forEach(
        a -> {
          index.put(a);
          n[0]++;
        });
    log.info("Knowledge index built with {} articles", n[0]);
  }

  @Transactional
  public Article create(ArticleText text, CurrentUser me) {
    Article a = Article.draft(ArticleId.random(), text, me.id(), clock.instant());
    articles.insert(a);
    reindexAfterCommit(a.id());
    return a;
  }

  @Transactional(readOnly = true)
  public Article get(ArticleId id) {
    return articles.find(id).orElseThrow(() -> ProblemException.notFound("kb.notFound"));
  }

  @Transactional
  public Article update(ArticleId id, ArticleText text) {
    Article a = get(id);
    a.edit(text, clock.instant());
    articles.update(a);
    reindexAfterCommit(id);
    return a;
  }

  @Transactional
  public Article publish(ArticleId id) {
    Article a = get(id);
    a.publish(clock.instant());
    articles.update(a);
    reindexAfterCommit(id);
    return a;
  }

  @Transactional
  public Article withdraw(ArticleId id) {
    Article a = get(id);
    a.withdraw(clock.instant());
    articles.update(a);
    reindexAfterCommit(id);
    return a;
  }

  @Transactional
  public void delete(ArticleId id) {
    if (!articles.delete(id)) {
      throw ProblemException.notFound("kb.notFound");
    }
    reindexAfterCommit(id);
  }

  /** Articles for editors, newest change first, optionally filtered. */
  @Transactional(readOnly = true)
  public org.manyi.shared.PageResult<Article> list(
      @Nullable ArticleStatus status,
      @Nullable String category,
      org.manyi.shared.PageRequest page) {
    StringBuilder where = new StringBuilder("1=1");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      where.append(" AND status = ?");
      params.add(status.name());
    }
    if (category != null && !category.isBlank()) {
      where.append(" AND category = ?");
      params.add(category.strip());
    }
    return new org.manyi.shared.PageResult<>(
        articles.list(where.toString(), params, page.offset(), page.size()),
        page.page(),
        page.size(),
        articles.count(where.toString(), params));
  }

  public List<String> categories() {
    return articles.categories();
  }

  /** Editors' search: drafts included, or only the given status. */
  public List<ArticleHit> searchAll(String query, @Nullable ArticleStatus status, int limit) {
    return index.search(clip(query), status, null, limit);
  }

  @Override
  public List<ArticleHit> search(String query, @Nullable String language, int limit) {
    ArticleLanguage preferred = null;
    if (language != null) {
      try {
        preferred = ArticleLanguage.valueOf(language.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw ProblemException.invalid("language", "kb.language.unknown");
      }
    }
    return index.search(clip(query), ArticleStatus.PUBLISHED, preferred, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PublicArticle> published(ArticleId id) {
    return articles
        .find(id)
        .filter(a -> a.status() == ArticleStatus.PUBLISHED)
        .map(
            a ->
                new PublicArticle(
                    a.id(),
                    a.title(),
                    a.body(),
                    a.category(),
                    a.tags(),
                    a.language().name(),
                    a.helpfulYes(),
                    a.helpfulNo(),
                    a.updatedAt()));
  }

  @Override
  @Transactional
  public void vote(ArticleId id, boolean helpful) {
    if (!articles.vote(id, helpful)) {
      throw ProblemException.notFound("kb.notFound");
    }
  }

  Instant now() {
    return clock.instant();
  }

  private static String clip(String query) {
    return query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
  }

  private void reindexAfterCommit(ArticleId id) {
    Runnable reindex = () -> articles.find(id).ifPresentOrElse(index::put, () -> index.remove(id));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              reindex.run();
            }
          });
    } else {
      reindex.run();
    }
  }
}
