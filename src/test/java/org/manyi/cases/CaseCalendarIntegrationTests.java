package org.manyi.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.admin;
import static org.manyi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The working calendar's page and API. Edits use dates in 2031 so that no other test's deadlines
 * (counted from today) fall on them, and are removed again.
 */
@IntegrationTest
class CaseCalendarIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  @Test
  void theSeeded2026ScheduleHasTheOfficialHolidaysAndMakeUpDays() throws Exception {
    mvc.perform(get("/api/v1/cases/calendar/days").param("year", "2026").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(39))
        .andExpect(jsonPath("$[?(@.kind == 'HOLIDAY')].day", hasItem("2026-02-23")))
        .andExpect(jsonPath("$[?(@.kind == 'WORKDAY')].day", hasItem("2026-10-10")))
        .andExpect(jsonPath("$[?(@.day == '2026-01-04')].name", hasItem("元旦调休上班")));
    mvc.perform(get("/api/v1/cases/calendar/hours").with(admin()))
        .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
        .andExpect(jsonPath("$.opens").value("09:00"))
        .andExpect(jsonPath("$.closes").value("18:00"))
        .andExpect(jsonPath("$.days.length()").value(5));
    // 30 September 17:00 China time + 2 working hours: after the National Day week
    mvc.perform(
            get("/api/v1/cases/calendar/due")
                .param("from", "2026-09-30T09:00:00Z")
                .param("hours", "2")
                .with(admin()))
        .andExpect(jsonPath("$.due").value("2026-10-08T02:00:00Z"));
    // Friday 9 October 17:00 + 2 hours: Saturday 10 October is a make-up working day
    mvc.perform(
            get("/api/v1/cases/calendar/due")
                .param("from", "2026-10-09T09:00:00Z")
                .param("hours", "2")
                .with(admin()))
        .andExpect(jsonPath("$.due").value("2026-10-10T02:00:00Z"));
  }

  @Test
  void adminsAddAndRemoveAHolidayThatMovesDeadlines() throws Exception {
    // Monday 6 January 2031, 17:00 China time, + 2 working hours: Tuesday 10:00
    String due = "/api/v1/cases/calendar/due?from=2031-01-06T09:00:00Z&hours=2";
    mvc.perform(get(due).with(admin())).andExpect(jsonPath("$.due").value("2031-01-07T02:00:00Z"));
    mvc.perform(
            put("/api/v1/cases/calendar/days/2031-01-07")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"HOLIDAY\",\"name\":\"测试假日\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind").value("HOLIDAY"));
    mvc.perform(get(due).with(admin())).andExpect(jsonPath("$.due").value("2031-01-08T02:00:00Z"));
    mvc.perform(delete("/api/v1/cases/calendar/days/2031-01-07").with(admin()))
        .andExpect(status().isNoContent());
    mvc.perform(delete("/api/v1/cases/calendar/days/2031-01-07").with(admin()))
        .andExpect(status().isNotFound());
    mvc.perform(get(due).with(admin())).andExpect(jsonPath("$.due").value("2031-01-07T02:00:00Z"));
  }

  @Test
  void badCalendarInputNamesTheFieldAndAgentsMayNotEdit() throws Exception {
    mvc.perform(
            put("/api/v1/cases/calendar/hours")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"zone\":\"Asia/Shanghai\",\"opens\":\"18:00\",\"closes\":\"09:00\","
                        + "\"days\":[\"MONDAY\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("closes"));
    mvc.perform(
            put("/api/v1/cases/calendar/hours")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"zone\":\"Mars/Base\",\"opens\":\"09:00\",\"closes\":\"18:00\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("zone"));
    mvc.perform(
            put("/api/v1/cases/calendar/days/2031-02-01")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"HOLIDAY\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    mvc.perform(get("/api/v1/cases/calendar/due").param("hours", "2").with(admin()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    String team = CaseFixtures.team(mvc);
    String agent = CaseFixtures.user(mvc, "AGENT", team);
    mvc.perform(get("/api/v1/cases/calendar/hours").with(as(agent))).andExpect(status().isOk());
    mvc.perform(
            put("/api/v1/cases/calendar/days/2031-02-01")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void thePageShowsTheYearAndEditsDaysAndHours() throws Exception {
    var admin = user(userDetails.loadUserByUsername("admin"));
    mvc.perform(
            get("/admin/case-calendar")
                .param("year", "2026")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("工作日历")))
        .andExpect(content().string(containsString("2026 年节假日与调休")))
        .andExpect(content().string(containsString("国庆节调休上班")))
        .andExpect(content().string(containsString("33 天节假日，6 天调休上班")));
    mvc.perform(
            get("/admin/case-calendar")
                .param("year", "2032")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(admin))
        .andExpect(content().string(containsString("No holidays or make-up days are entered")));
    mvc.perform(
            post("/admin/case-calendar/days")
                .with(admin)
                .with(csrf())
                .param("day", "2031-03-03")
                .param("kind", "WORKDAY")
                .param("name", "测试调休"))
        .andExpect(redirectedUrl("/admin/case-calendar?year=2031"))
        .andExpect(flash().attribute("flashSuccess", "case.calendar.saved"));
    mvc.perform(get("/admin/case-calendar").param("year", "2031").with(admin))
        .andExpect(content().string(containsString("测试调休")));
    mvc.perform(post("/admin/case-calendar/days/2031-03-03/delete").with(admin).with(csrf()))
        .andExpect(redirectedUrl("/admin/case-calendar?year=2031"));
    mvc.perform(
            post("/admin/case-calendar/hours")
                .with(admin)
                .with(csrf())
                .param("zone", "Asia/Shanghai")
                .param("opens", "9:00")
                .param("closes", "8:00")
                .param("days", "MONDAY"))
        .andExpect(flash().attribute("flashError", "case.calendar.hours.invalid"));
    mvc.perform(
            post("/admin/case-calendar/hours")
                .with(admin)
                .with(csrf())
                .param("zone", "Asia/Shanghai")
                .param("opens", "09:00")
                .param("closes", "18:00")
                .param("days", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
        .andExpect(flash().attribute("flashSuccess", "case.calendar.saved"));
    mvc.perform(get("/admin/case-calendar").with(user(userDetails.loadUserByUsername("admin"))))
        .andExpect(status().isOk());
  }
}
