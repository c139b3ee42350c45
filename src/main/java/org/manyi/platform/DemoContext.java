package org.manyi.platform;

import java.util.Random;

/**
 * What a {@link DemoDataContributor} gets: a random source seeded from the contributor's name (so
 * every run produces the same data), the requested scale, and the job to report progress to.
 *
 * @param customers how many customers the demo set should have; other modules scale from it
 */
public record DemoContext(Random random, int customers, JobContext job) {}
