package org.manyi.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry on a customer's timeline.
 *
 * @param type the kind of entry, such as {@code order} or {@code survey}; the 360 page filters by
 *     it, labelled by its source
 * @param at when it happened
 * @param title one line, already in the reader's language
 * @param detail optional second line
 * @param link optional path of the page that shows the entry
 */
public record TimelineEntry(
    String type, Instant at, String title, @Nullable String detail, @Nullable String link) {}
