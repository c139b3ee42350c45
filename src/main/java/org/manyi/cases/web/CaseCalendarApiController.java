package org.manyi.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.BusinessHours;
import org.manyi.cases.internal.CalendarDay;
import org.manyi.cases.internal.WorkingCalendar;
import org.manyi.cases.internal.WorkingCalendars;
import org.manyi.platform.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working calendar deadlines are counted on, as JSON: anyone working cases may read it and
 * compute a due time; only case managers change it.
 */
@RestController
@RequestMapping("/api/v1/cases/calendar")
@PreAuthorize("hasAuthority('PERM_CASES_READ')")
@Tag(name = "Case calendar", description = "Business hours, public holidays and make-up days")
class CaseCalendarApiController {

  private final WorkingCalendars calendars;

  CaseCalendarApiController(WorkingCalendars calendars) {
    this.calendars = calendars;
  }

  /**
   * Business hours as the API shows them.
   *
   * @param opens such as {@code 09:00}
   * @param closes such as {@code 18:00} ({@code 24:00} is the end of the day)
   * @param days the ordinary working weekdays, {@code MONDAY} to {@code SUNDAY}
   */
  record HoursResource(String zone, String opens, String closes, Set<DayOfWeek> days) {

    static HoursResource of(BusinessHours h) {
      return new HoursResource(h.zone().getId(), h.opensText(), h.closesText(), h.days());
    }
  }

  record HoursRequest(
      @Nullable String zone,
      @Nullable String opens,
      @Nullable String closes,
      @Nullable Set<DayOfWeek> days) {}

  /**
   * @param kind {@code HOLIDAY} or {@code WORKDAY} (a make-up working day, 调休)
   */
  record DayRequest(CalendarDay.@Nullable Kind kind, @Nullable String name) {}

  /**
   * A due time computed on the calendar.
   *
   * @param workingHours the working time between {@code from} and {@code due}
   */
  record DueResource(Instant from, double workingHours, Instant due) {}

  @GetMapping("/hours")
  @Operation(summary = "The business hours of ordinary working days")
  HoursResource hours() {
    return HoursResource.of(calendars.hours());
  }

  @PutMapping("/hours")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Change the business hours (zone, opens, closes as HH:mm, working weekdays)")
  HoursResource saveHours(@RequestBody HoursRequest request) {
    return HoursResource.of(
        calendars.saveHours(request.zone(), request.opens(), request.closes(), request.days()));
  }

  @GetMapping("/days")
  @Operation(summary = "Public holidays and make-up working days, of one year or of all years")
  List<CalendarDay> days(@RequestParam(required = false) @Nullable Integer year) {
    return calendars.days(year);
  }

  @PutMapping("/days/{day}")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Add or change the holiday or make-up day of a date (yyyy-MM-dd)")
  CalendarDay saveDay(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      @RequestBody DayRequest request) {
    return calendars.saveDay(day, request.kind(), request.name());
  }

  @DeleteMapping("/days/{day}")
  @PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
  @Operation(summary = "Remove the exception of a date; 404 when it has none")
  ResponseEntity<Void> deleteDay(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    if (!calendars.deleteDay(day)) {
      throw ProblemException.notFound("case.calendar.day.notFound");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/due")
  @Operation(
      summary =
          "The instant some working hours after a start, as a deadline would fall (hours may be"
              + " fractional, up to 10,000)")
  DueResource due(
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Double hours) {
    if (from == null) {
      throw ProblemException.invalid("from", "case.calendar.from.required");
    }
    if (hours == null || hours < 0 || hours > 10_000) {
      throw ProblemException.invalid("hours", "case.calendar.workingHours.invalid");
    }
    WorkingCalendar calendar = calendars.current();
    Duration amount = Duration.ofSeconds(Math.round(hours * 3600));
    return new DueResource(from, hours, calendar.plus(from, amount));
  }
}
