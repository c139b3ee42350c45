package org.manyi.text;

/**
 * The sentiment of one text.
 *
 * @param score the model's confidence in {@code label}, from 0.5 to 1 (for NEUTRAL, how close the
 *     text is to even)
 * @param positive the probability that the text is positive, from 0 to 1
 */
public record Sentiment(SentimentLabel label, double score, double positive) {}
