package org.manyi.cases.internal;

import java.time.Duration;

/**
 * The deadlines of one priority, counted in calendar hours from receipt (a working calendar with
 * business hours and public holidays is not built yet).
 */
public record SlaTarget(Duration acknowledge, Duration response, Duration resolution) {}
