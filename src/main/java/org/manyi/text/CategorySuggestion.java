package org.manyi.text;

/**
 * A category a case's text probably belongs to, learnt from the categories agents confirmed.
 *
 * @param category the category code
 * @param name its name in the caller's language
 * @param probability the classifier's posterior probability, from 0 to 1
 */
public record CategorySuggestion(String category, String name, double probability) {}
