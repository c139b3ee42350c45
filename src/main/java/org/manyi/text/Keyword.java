package org.manyi.text;

/**
 * A characteristic word of a set of texts.
 *
 * @param weight TF-IDF: how often the word occurs in the set, times how rare it is among texts
 * @param documents in how many texts of the set it occurs
 */
public record Keyword(String term, double weight, int documents) {}
