/**
 * The knowledge base: bilingual articles with a category and tags, written as drafts and published
 * by staff, searched through a Lucene index that segments Chinese into words (SmartChineseAnalyzer)
 * and stems English. The index lives in memory, is rebuilt from the database at start-up and
 * follows every committed change. Other modules search published articles through {@link
 * org.manyi.knowledge.KnowledgeSearch} (the service portal, suggestions while a case is typed).
 */
@ApplicationModule(
    displayName = "Knowledge base",
    allowedDependencies = {"platform", "shared", "identity"})
@NullMarked
package org.manyi.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
