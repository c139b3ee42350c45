package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;

class CampaignSegmentTests {

  private final UserId owner = UserId.random();
  private final TeamId team = new TeamId(UUID.randomUUID());
  // 2026-03-01 00:30 in Shanghai is still 2026-02-28 in UTC
  private final CustomerSummary customer =
      new CustomerSummary(
          new CustomerId(UUID.randomUUID()),
          "张三",
          LifecycleStage.ACTIVE,
          " 上海 ",
          owner,
          team,
          Instant.parse("2026-02-28T16:30:00Z"));

  private static InvitationCampaigns.Segment segment(
      Set<LifecycleStage> stages,
      String city,
      UUID owner,
      UUID team,
      LocalDate from,
      LocalDate to) {
    return new InvitationCampaigns.Segment(stages, city, owner, team, from, to);
  }

  @Test
  void emptySegmentMatchesEveryone() {
    assertThat(InvitationCampaigns.Segment.all().matches(customer)).isTrue();
  }

  @Test
  void everyGivenFieldMustMatch() {
    assertThat(
            segment(
                    Set.of(LifecycleStage.ACTIVE, LifecycleStage.NEW),
                    "上海",
                    owner.value(),
                    team.value(),
                    LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 1))
                .matches(customer))
        .isTrue();
    assertThat(segment(Set.of(LifecycleStage.LOST), null, null, null, null, null).matches(customer))
        .isFalse();
    assertThat(segment(null, "北京", null, null, null, null).matches(customer)).isFalse();
    assertThat(segment(null, null, UUID.randomUUID(), null, null, null).matches(customer))
        .isFalse();
    assertThat(segment(null, null, null, UUID.randomUUID(), null, null).matches(customer))
        .isFalse();
  }

  @Test
  void createdRangeIsInclusiveInShanghaiDays() {
    assertThat(segment(null, null, null, null, null, LocalDate.of(2026, 2, 28)).matches(customer))
        .isFalse();
    assertThat(segment(null, null, null, null, LocalDate.of(2026, 3, 2), null).matches(customer))
        .isFalse();
  }

  @Test
  void stratumOfACustomerWithoutCityIsADash() {
    CustomerSummary noCity =
        new CustomerSummary(
            customer.id(), "李四", LifecycleStage.NEW, null, null, null, Instant.now());
    assertThat(InvitationCampaigns.stratum(noCity, InvitationCampaigns.Stratum.CITY))
        .isEqualTo("—");
    assertThat(InvitationCampaigns.stratum(customer, InvitationCampaigns.Stratum.STAGE))
        .isEqualTo("ACTIVE");
    assertThat(InvitationCampaigns.stratum(customer, InvitationCampaigns.Stratum.CITY))
        .isEqualTo("上海");
  }
}
