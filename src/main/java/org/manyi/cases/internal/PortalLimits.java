package org.manyi.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.manyi.platform.ProblemException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Abuse limits of the portal: at most so many actions of a kind per key (an IP address, a case) in
 * a sliding hour. Kept in memory: one application node, and a restart forgiving everyone is
 * acceptable for limits meant to stop floods, not to count exactly.
 */
@Component
public class PortalLimits {

  static final Duration WINDOW = Duration.ofHours(1);

  private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /**
   * Counts one action, or refuses it with 429 when the key used up its allowance.
   *
   * @throws ProblemException 429 of type {@code rate-limited}
   */
  public void take(String kind, String key, int perHour) {
    Instant now = clock.instant();
    Deque<Instant> times = hits.computeIfAbsent(kind + '|' + key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
        times.pollFirst();
      }
      if (times.size() >= perHour) {
        throw ProblemException.tooMany("rate-limited", "portal.tooMany");
      }
      times.addLast(now);
    }
  }

  /** Forgets every count (tests). */
  public void reset() {
    hits.clear();
  }

  @Scheduled(fixedDelay = 600_000)
  void forgetOld() {
    Instant cutoff = clock.instant().minus(WINDOW);
    hits.entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff);
              }
            });
  }
}
