package org.manyi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.manyi.platform.ManyiProperties;

class LoginThrottleTests {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new ManyiProperties.Login(
              3, 5, 1, Duration.ofMillis(200), Duration.ofMinutes(15), Duration.ofMinutes(10)),
          clock);

  @Test
  void locksAnAccountAfterRepeatedFailuresFromAnyAddress() {
    throttle.failed("Wang", "10.0.0.1");
    throttle.failed("wang", "10.0.0.2");
    assertThat(throttle.lockedUntil("wang", "10.0.0.3")).isNull();
    throttle.failed("wang", "10.0.0.3");
    assertThat(throttle.lockedUntil("WANG", "10.0.0.9")).isNotNull();
    assertThat(throttle.lockedUntil("li", "10.0.0.9")).isNull();
  }

  @Test
  void locksAnAddressThatTriesManyAccounts() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.1.1.1");
    }
    assertThat(throttle.lockedUntil("someone-else", "10.1.1.1")).isNotNull();
    assertThat(throttle.lockedUntil("someone-else", "10.1.1.2")).isNull();
  }

  @Test
  void slowsDownBeforeLockingAndUnlocksAfterTheLockDuration() {
    assertThat(throttle.delay("zhao")).isZero();
    throttle.failed("zhao", "10.2.2.2");
    assertThat(throttle.delay("zhao")).isEqualTo(Duration.ofMillis(200));
    throttle.failed("zhao", "10.2.2.2");
    assertThat(throttle.delay("zhao")).isEqualTo(Duration.ofMillis(400));
    throttle.failed("zhao", "10.2.2.2");
    assertThat(throttle.lockedUntil("zhao", "10.2.2.2")).isNotNull();
    clock.advance(Duration.ofMinutes(11));
    assertThat(throttle.lockedUntil("zhao", "10.2.2.2")).isNull();
  }

  @Test
  void successClearsTheAccountsFailures() {
    throttle.failed("qian", "10.3.3.3");
    throttle.failed("qian", "10.3.3.3");
    throttle.succeeded("qian");
    throttle.failed("qian", "10.3.3.3");
    assertThat(throttle.lockedUntil("qian", "10.3.3.4")).isNull();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
