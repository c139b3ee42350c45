package org.manyi.cases.internal;

import java.time.Duration;

/**
 * The deadlines of one priority, counted in working time on the {@link WorkingCalendar} from
 * receipt.
 */
public record SlaTarget(Duration acknowledge, Duration response, Duration resolution) {}
