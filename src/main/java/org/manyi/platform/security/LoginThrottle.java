package org.manyi.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ManyiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address within a sliding window. After a few
 * failures each attempt is slowed; past the limit the account or address is locked for a while.
 * Kept in memory: a restart forgets, which is acceptable for a brake on guessing.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final ManyiProperties.Login settings;
  private final Clock clock;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  @Autowired
  LoginThrottle(ManyiProperties properties) {
    this(properties.security().login(), Clock.systemUTC());
  }

  LoginThrottle(ManyiProperties.Login settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** When the account or the address is locked, until when; otherwise null. */
  public @Nullable Instant lockedUntil(@Nullable String username, String address) {
    Instant now = clock.instant();
    Instant account =
        username == null
            ? null
            : lockedUntil(accounts.get(key(username)), settings.maxFailuresPerAccount(), now);
    Instant byAddress = lockedUntil(addresses.get(address), settings.maxFailuresPerAddress(), now);
    if (account == null) {
      return byAddress;
    }
    return byAddress == null || account.isAfter(byAddress) ? account : byAddress;
  }

  /** How long to hold this attempt back, growing with each failure past the threshold. */
  public Duration delay(@Nullable String username) {
    if (username == null) {
      return Duration.ZERO;
    }
    Failures failures = accounts.get(key(username));
    int count = failures == null ? 0 : failures.count(clock.instant(), settings.window());
    int beyond = count - settings.slowDownAfter();
    return beyond < 0
        ? Duration.ZERO
        : settings.slowDownStep().multipliedBy(Math.min(beyond + 1, 5));
  }

  public void failed(@Nullable String username, String address) {
    Instant now = clock.instant();
    if (username != null && !username.isBlank()) {
      accounts.computeIfAbsent(key(username), k -> new Failures()).add(now, settings.window());
    }
    addresses.computeIfAbsent(address, k -> new Failures()).add(now, settings.window());
    log.info("Failed sign-in from {}", address);
  }

  public void succeeded(String username) {
    accounts.remove(key(username));
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent event) {
    Object name = event.getAuthentication().getPrincipal();
    failed(name == null ? null : name.toString(), address(event.getAuthentication().getDetails()));
  }

  @EventListener
  void on(AuthenticationSuccessEvent event) {
    succeeded(event.getAuthentication().getName());
  }

  private @Nullable Instant lockedUntil(@Nullable Failures failures, int limit, Instant now) {
    if (failures == null) {
      return null;
    }
    Instant last = failures.lockStart(now, settings.window(), limit);
    if (last == null) {
      return null;
    }
    Instant until = last.plus(settings.lockDuration());
    return until.isAfter(now) ? until : null;
  }

  private static String address(@Nullable Object details) {
    return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
        ? web.getRemoteAddress()
        : "unknown";
  }

  private static String key(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  /** Failure times within the window, oldest first. */
  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();

    synchronized void add(Instant now, Duration window) {
      prune(now, window);
      times.addLast(now);
    }

    synchronized int count(Instant now, Duration window) {
      prune(now, window);
      return times.size();
    }

    /** The failure that reached the limit, or null when the limit is not reached. */
    synchronized @Nullable Instant lockStart(Instant now, Duration window, int limit) {
      prune(now, window);
      return times.size() >= limit ? times.peekLast() : null;
    }

    private void prune(Instant now, Duration window) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
        times.removeFirst();
      }
    }
  }
}
