package org.manyi.tasks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.TestUsers;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.interactions.InteractionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class TaskPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IdentityUserDetailsService userDetails;

  String agent;
  String manager;
  String customer;

  @BeforeEach
  void staff() throws Exception {
    String team = InteractionFixtures.team(mvc);
    agent = InteractionFixtures.user(mvc, "AGENT", team);
    manager = InteractionFixtures.user(mvc, "MANAGER", team);
    customer = InteractionFixtures.customer(mvc, agent, "李逍遥");
  }

  RequestPostProcessor as(String username) {
    return user(userDetails.loadUserByUsername(username));
  }

  String overdueCallback() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/tasks")
                    .with(TestUsers.as(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"customerId":"%s","type":"CALLBACK","dueAt":"%s","notes":"确认安装效果"}
                        """
                            .formatted(
                                customer,
                                Instant.now()
                                    .minus(Duration.ofHours(30))
                                    .atOffset(ZoneOffset.UTC))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  @Test
  void myTasksIsAWholePageOrAnHtmxFragmentPerTab() throws Exception {
    overdueCallback();
    mvc.perform(
            get("/tasks").param("tab", "overdue").with(as(agent)).locale(Locale.SIMPLIFIED_CHINESE))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<nav")))
        .andExpect(content().string(containsString("我的任务")))
        .andExpect(content().string(containsString("确认安装效果")))
        .andExpect(content().string(containsString("李逍遥")));
    mvc.perform(get("/tasks").param("tab", "overdue").header("HX-Request", "true").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("确认安装效果")))
        .andExpect(content().string(not(containsString("navbar"))));
    mvc.perform(get("/tasks").param("tab", "upcoming").with(as(agent)))
        .andExpect(content().string(containsString("id=\"tasksEmpty\"")));
  }

  @Test
  void theTeamViewIsForManagers() throws Exception {
    overdueCallback();
    mvc.perform(get("/tasks/team").param("tab", "overdue").with(as(manager)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("确认安装效果")));
    mvc.perform(get("/tasks/team").with(as(agent))).andExpect(status().isForbidden());
  }

  @Test
  void theCompleteDialogConfirmsAndCompletingLogsTheCallback() throws Exception {
    String id = overdueCallback();
    mvc.perform(get("/tasks/" + id + "/complete").header("HX-Request", "true").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-confirm")))
        .andExpect(content().string(not(containsString("navbar"))));
    mvc.perform(get("/tasks/" + id + "/complete").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<nav")));
    mvc.perform(
            post("/tasks/" + id + "/complete").param("resultNote", "").with(as(agent)).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")));
    mvc.perform(
            post("/tasks/" + id + "/complete")
                .param("resultNote", "安装正常")
                .with(as(agent))
                .with(csrf()))
        .andExpect(redirectedUrl("/tasks"));
    mvc.perform(get("/customers/" + customer + "/interactions").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("安装正常")));
  }

  @Test
  void theBadgeCountsTasksDueTodayAndOverdue() throws Exception {
    mvc.perform(get("/tasks/reminders/badge").header("HX-Request", "true").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("text-bg-danger"))));
    overdueCallback();
    mvc.perform(get("/tasks/reminders/badge").header("HX-Request", "true").with(as(agent)))
        .andExpect(content().string(containsString(">1<")));
    mvc.perform(get("/tasks/reminders").with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("reminders-overdue")));
    mvc.perform(get("/").with(as(agent)))
        .andExpect(content().string(containsString("/tasks/reminders/badge")));
  }

  @Test
  void theTaskFormCreatesATaskForTheCustomer() throws Exception {
    mvc.perform(get("/tasks/new").param("customer", customer).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"taskForm\"")));
    mvc.perform(
            post("/tasks/new")
                .param("customer", customer)
                .param("type", "VISIT")
                .param("assignee", InteractionFixtures.userId(mvc, agent))
                .param("dueAt", "")
                .param("priority", "HIGH")
                .with(as(agent))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")));
    mvc.perform(
            post("/tasks/new")
                .param("customer", customer)
                .param("type", "VISIT")
                .param("assignee", InteractionFixtures.userId(mvc, agent))
                .param("dueAt", "2030-01-15T10:00")
                .param("priority", "HIGH")
                .param("notes", "上门回收旧机")
                .with(as(agent))
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/tasks?tab=upcoming"));
  }

  @Test
  void adminsEditThePostPurchaseRuleOnAPage() throws Exception {
    mvc.perform(get("/admin/tasks/post-purchase").with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"ruleForm\"")));
    mvc.perform(
            post("/admin/tasks/post-purchase")
                .param("enabled", "true")
                .param("minAmount", "abc")
                .param("delayDays", "7")
                .with(as("admin"))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")));
    mvc.perform(
            post("/admin/tasks/post-purchase")
                .param("enabled", "true")
                .param("minAmount", "500")
                .param("delayDays", "7")
                .with(as("admin"))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/tasks/post-purchase"));
    mvc.perform(get("/admin/tasks/post-purchase").with(as(agent)))
        .andExpect(status().isForbidden());
  }
}
