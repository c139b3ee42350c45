package org.manyi.cases.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.internal.CalendarDay;
import org.manyi.cases.internal.WorkingCalendars;
import org.manyi.platform.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the working calendar: business hours, and the public holidays and make-up
 * working days of a year.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_CASES_MANAGE')")
class CaseCalendarController {

  static final String CALENDAR = "cases/calendar";

  private final WorkingCalendars calendars;

  CaseCalendarController(WorkingCalendars calendars) {
    this.calendars = calendars;
  }

  @GetMapping("/admin/case-calendar")
  String show(@RequestParam(required = false) @Nullable Integer year, Model model) {
    int shown = year == null || year < 2000 || year > 2100 ? Year.now().getValue() : year;
    List<CalendarDay> days = calendars.days(shown);
    model.addAttribute("hours", calendars.hours());
    model.addAttribute("weekdays", DayOfWeek.values());
    model.addAttribute("year", shown);
    model.addAttribute("days", days);
    model.addAttribute(
        "holidayCount", days.stream().filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY).count());
    model.addAttribute(
        "workdayCount", days.stream().filter(d -> d.kind() == CalendarDay.Kind.WORKDAY).count());
    model.addAttribute("kinds", CalendarDay.Kind.values());
    return CALENDAR;
  }

  @PostMapping("/admin/case-calendar/hours")
  String saveHours(
      @RequestParam(required = false) @Nullable String zone,
      @RequestParam(required = false) @Nullable String opens,
      @RequestParam(required = false) @Nullable String closes,
      @RequestParam(required = false) @Nullable List<DayOfWeek> days,
      RedirectAttributes flash) {
    Set<DayOfWeek> set = days == null || days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
    return act(flash, null, () -> calendars.saveHours(zone, opens, closes, set));
  }

  @PostMapping("/admin/case-calendar/days")
  String saveDay(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate day,
      @RequestParam(required = false) CalendarDay.@Nullable Kind kind,
      @RequestParam(required = false) @Nullable String name,
      RedirectAttributes flash) {
    return act(flash, day == null ? null : day.getYear(), () -> calendars.saveDay(day, kind, name));
  }

  @PostMapping("/admin/case-calendar/days/{day}/delete")
  String deleteDay(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      RedirectAttributes flash) {
    return act(flash, day.getYear(), () -> calendars.deleteDay(day));
  }

  private static String act(RedirectAttributes flash, @Nullable Integer year, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("flashSuccess", "case.calendar.saved");
    } catch (ProblemException e) {
      ProblemException.FieldProblem field = e.firstField();
      flash.addFlashAttribute("flashError", field == null ? e.code() : field.code());
    }
    return "redirect:/admin/case-calendar" + (year == null ? "" : "?year=" + year);
  }
}
