package org.manyi.knowledge.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an editor writes; checked by {@link Article#edit}.
 *
 * @param tags comma-separated
 */
public record ArticleText(
    @Nullable String title,
    @Nullable String body,
    @Nullable String category,
    @Nullable String tags,
    @Nullable ArticleLanguage language) {}
