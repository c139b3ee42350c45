package org.manyi.knowledge;

/**
 * One search result, best first.
 *
 * @param snippet a short passage of the body around the first matching word
 * @param language {@code ZH} or {@code EN}
 * @param score the search engine's relevance (BM25), only comparable within one search
 */
public record ArticleHit(
    ArticleId id, String title, String snippet, String category, String language, float score) {}
