package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

  private final QuietHours night =
      new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"));

  @Test
  void eveningMailWaitsUntilNineNextMorningInShanghai() {
    Instant tenPm = Instant.parse("2026-11-23T14:00:00Z"); // 22:00 in Shanghai
    assertThat(night.quiet(tenPm)).isTrue();
    assertThat(night.nextAllowed(tenPm)).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
  }

  @Test
  void earlyMorningMailWaitsUntilNineTheSameDay() {
    Instant halfPastEight = Instant.parse("2026-11-23T00:30:00Z"); // 08:30 in Shanghai
    assertThat(night.nextAllowed(halfPastEight)).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
  }

  @Test
  void startIsQuietAndEndIsNot() {
    assertThat(night.quiet(Instant.parse("2026-11-23T13:00:00Z"))).isTrue(); // 21:00
    assertThat(night.quiet(Instant.parse("2026-11-23T01:00:00Z"))).isFalse(); // 09:00
    Instant onepm = Instant.parse("2026-11-23T05:00:00Z");
    assertThat(night.quiet(onepm)).isFalse();
    assertThat(night.nextAllowed(onepm)).isEqualTo(onepm);
  }

  @Test
  void quietHoursWithinOneDayAndNone() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), ZoneId.of("UTC"));
    assertThat(lunch.quiet(Instant.parse("2026-11-23T12:30:00Z"))).isTrue();
    assertThat(lunch.quiet(Instant.parse("2026-11-23T14:00:00Z"))).isFalse();
    assertThat(lunch.nextAllowed(Instant.parse("2026-11-23T12:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
    assertThat(QuietHours.none().quiet(Instant.parse("2026-11-23T14:00:00Z"))).isFalse();
  }
}
