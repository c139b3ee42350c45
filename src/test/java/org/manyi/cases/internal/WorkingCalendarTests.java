package org.manyi.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.manyi.cases.CaseId;
import org.manyi.customers.CustomerId;
import org.manyi.identity.TeamId;
import org.manyi.platform.ProblemException;

/** Working-time arithmetic on Mon–Fri 09:00–18:00 China time with part of the 2026 schedule. */
class WorkingCalendarTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final WorkingCalendar CALENDAR = new WorkingCalendar(BusinessHours.standard(), days2026());

  static List<CalendarDay> days2026() {
    List<CalendarDay> days = new ArrayList<>();
    holidays(days, "春节", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23));
    days.add(new CalendarDay(LocalDate.of(2026, 2, 14), CalendarDay.Kind.WORKDAY, "春节调休上班"));
    days.add(new CalendarDay(LocalDate.of(2026, 2, 28), CalendarDay.Kind.WORKDAY, "春节调休上班"));
    holidays(days, "国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7));
    days.add(new CalendarDay(LocalDate.of(2026, 10, 10), CalendarDay.Kind.WORKDAY, "国庆节调休上班"));
    return days;
  }

  private static void holidays(List<CalendarDay> days, String name, LocalDate from, LocalDate to) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(new CalendarDay(d, CalendarDay.Kind.HOLIDAY, name));
    }
  }

  static Instant at(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute).atZone(CHINA).toInstant();
  }

  @Test
  void countsOnlyBusinessHoursWithinADay() {
    assertThat(CALENDAR.plus(at(11, 23, 10, 0), Duration.ofHours(4))).isEqualTo(at(11, 23, 14, 0));
    assertThat(CALENDAR.plus(at(11, 23, 14, 0), Duration.ofHours(4))).isEqualTo(at(11, 23, 18, 0));
    assertThat(CALENDAR.plus(at(11, 23, 7, 30), Duration.ofHours(1))).isEqualTo(at(11, 23, 10, 0));
    assertThat(CALENDAR.plus(at(11, 23, 20, 0), Duration.ofHours(1))).isEqualTo(at(11, 24, 10, 0));
  }

  @Test
  void skipsTheWeekend() {
    // Friday 17:00 + 4 working hours: one hour on Friday, three on Monday
    assertThat(CALENDAR.plus(at(11, 20, 17, 0), Duration.ofHours(4))).isEqualTo(at(11, 23, 12, 0));
    assertThat(CALENDAR.plus(at(11, 21, 11, 0), Duration.ofHours(1))).isEqualTo(at(11, 23, 10, 0));
    assertThat(CALENDAR.between(at(11, 20, 17, 0), at(11, 23, 12, 0)))
        .isEqualTo(Duration.ofHours(4));
    // a full P3 resolution target of 120 hours is 13 working days and 3 hours
    assertThat(CALENDAR.plus(at(11, 23, 9, 0), Duration.ofHours(120))).isEqualTo(at(12, 10, 12, 0));
  }

  @Test
  void skipsPublicHolidays() {
    // the day before National Day: one hour left, the holiday week off, on 8 October at 10:00
    assertThat(CALENDAR.plus(at(9, 30, 17, 0), Duration.ofHours(2))).isEqualTo(at(10, 8, 10, 0));
    assertThat(CALENDAR.workingDay(LocalDate.of(2026, 10, 5))).isFalse();
    assertThat(CALENDAR.between(at(9, 30, 17, 0), at(10, 8, 10, 0))).isEqualTo(Duration.ofHours(2));
    // the Spring Festival holiday runs over Monday 23 February
    assertThat(CALENDAR.plus(at(2, 14, 17, 0), Duration.ofHours(2))).isEqualTo(at(2, 24, 10, 0));
  }

  @Test
  void worksOnMakeUpDays() {
    // Friday 9 October 17:00: Saturday 10 October is a make-up working day (调休)
    assertThat(CALENDAR.plus(at(10, 9, 17, 0), Duration.ofHours(2))).isEqualTo(at(10, 10, 10, 0));
    assertThat(CALENDAR.workingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(CALENDAR.workingDay(LocalDate.of(2026, 10, 11))).isFalse();
    // Friday 13 February: Saturday 14 February is worked before the Spring Festival
    assertThat(CALENDAR.plus(at(2, 13, 17, 30), Duration.ofHours(1))).isEqualTo(at(2, 14, 9, 30));
  }

  @Test
  void goesBackwardsForNegativeAmounts() {
    assertThat(CALENDAR.plus(at(11, 23, 12, 0), Duration.ofHours(-4))).isEqualTo(at(11, 20, 17, 0));
    assertThat(CALENDAR.plus(at(10, 8, 10, 0), Duration.ofHours(-2))).isEqualTo(at(9, 30, 17, 0));
    assertThat(CALENDAR.plus(at(10, 8, 10, 0), Duration.ZERO)).isEqualTo(at(10, 8, 10, 0));
  }

  @Test
  void elapsedTimeBetweenReversedInstantsIsZero() {
    assertThat(CALENDAR.between(at(11, 23, 12, 0), at(11, 23, 10, 0))).isZero();
    assertThat(CALENDAR.between(at(11, 21, 9, 0), at(11, 22, 18, 0))).isZero();
  }

  @Test
  void refusesHoursThatCloseBeforeTheyOpenOrNoWorkingDays() {
    assertThatThrownBy(
            () -> new BusinessHours(CHINA, 18 * 60, 9 * 60, java.util.Set.of(DayOfWeek.MONDAY)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("closes"));
    assertThatThrownBy(() -> new BusinessHours(CHINA, 540, 1080, java.util.Set.of()))
        .isInstanceOf(ProblemException.class);
    assertThat(BusinessHours.parse("opens", "09:30")).isEqualTo(570);
    assertThat(BusinessHours.parse("closes", "24:00")).isEqualTo(1440);
    assertThatThrownBy(() -> BusinessHours.parse("opens", "25:00"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void caseDeadlinesAreCountedInWorkingTimeAndThePauseGivesBackOnlyWorkingTime() {
    SlaPolicy policy = new SlaPolicy(CasesProperties.defaultSettings(), CALENDAR);
    Instant friday = at(11, 20, 17, 0);
    Case c =
        Case.receive(
            CaseId.random(),
            "C20261120-0001",
            new NewCase(
                CaseType.COMPLAINT,
                CaseChannel.PHONE,
                CustomerId.random(),
                null,
                null,
                null,
                "快递三天未到",
                null),
            CaseStateTests.AGENT,
            friday,
            policy);
    // P3: acknowledge in 4, respond in 24, resolve in 120 working hours
    assertThat(c.clock(friday, policy))
        .extracting(DeadlineView::due)
        .containsExactly(at(11, 23, 12, 0), at(11, 25, 14, 0), at(12, 10, 11, 0));
    // on Saturday the acknowledgement is not yet due soon: four working hours are left
    assertThat(c.deadline(Deadline.ACKNOWLEDGE, at(11, 21, 12, 0), policy).state())
        .isEqualTo(ClockState.ON_TRACK);
    assertThat(c.deadline(Deadline.ACKNOWLEDGE, at(11, 23, 11, 30), policy).state())
        .isEqualTo(ClockState.DUE_SOON);

    c.acknowledge(CaseStateTests.AGENT, friday.plusSeconds(60), null);
    c.assess(
        CaseStateTests.AGENT,
        friday.plusSeconds(120),
        CaseStateTests.QUALITY,
        Level.HIGH,
        Level.HIGH,
        policy);
    // P1 resolves in 24 working hours: Friday 17:00 + 24h = Wednesday 25 November 14:00
    assertThat(c.deadline(Deadline.RESOLUTION, friday, policy).due()).isEqualTo(at(11, 25, 14, 0));
    c.assign(
        CaseStateTests.AGENT,
        friday.plusSeconds(180),
        new TeamId(java.util.UUID.randomUUID()),
        CaseStateTests.AGENT,
        null);
    // responded Monday 17:00, the customer answers Tuesday 10:00: 2 working hours waited
    c.respond(CaseStateTests.AGENT, at(11, 23, 17, 0), Remedy.REFUND, "为您退款");
    c.recordReaction(CaseStateTests.AGENT, at(11, 24, 10, 0), Reaction.ACCEPTED, null, policy);
    assertThat(c.deadline(Deadline.RESOLUTION, at(11, 24, 10, 0), policy).due())
        .isEqualTo(at(11, 25, 16, 0));
    assertThat(c.newHistory)
        .anyMatch(h -> h.kind() == HistoryKind.SLA && "resumed · +120min".equals(h.text()));
  }
}
