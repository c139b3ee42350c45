/**
 * Text analytics on customers' words (case descriptions and messages): sentiment (positive,
 * neutral, negative with a score) for Chinese, from a logistic regression over character n-grams
 * whose weights ship with the product, and for English from a small lexicon; keywords by TF-IDF
 * over words segmented by Lucene's SmartChineseAnalyzer, without stop words; and the keywords page
 * over cases per category and period. A sink: nothing depends on it.
 */
@ApplicationModule(
    displayName = "Text analytics",
    allowedDependencies = {"platform", "shared", "identity", "cases"})
@NullMarked
package org.manyi.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
