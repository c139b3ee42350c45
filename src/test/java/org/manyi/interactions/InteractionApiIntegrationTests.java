package org.manyi.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.manyi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@RecordApplicationEvents
class InteractionApiIntegrationTests {

  static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  String agent;
  String otherAgent;
  String customer;

  @BeforeEach
  void staff() throws Exception {
    String team = InteractionFixtures.team(mvc);
    agent = InteractionFixtures.user(mvc, "AGENT", team);
    otherAgent = InteractionFixtures.user(mvc, "AGENT", InteractionFixtures.team(mvc));
    customer = InteractionFixtures.customer(mvc, agent, "赵敏");
  }

  @Test
  void logsAnInteractionThatCountsAsFollowUp() throws Exception {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:15:00+08:00");
    String body =
        mvc.perform(
                post("/api/v1/interactions")
                    .with(as(agent))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"customerId":"%s","channel":"WECHAT","direction":"INBOUND",
                         "occurredAt":"%s","durationMinutes":12,"subject":"咨询会员积分",
                         "notes":"客户想用积分抵扣","outcome":"已解释规则",
                         "orderId":"%s"}
                        """
                            .formatted(customer, at, UUID.randomUUID())))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.channel").value("WECHAT"))
            .andExpect(jsonPath("$.direction").value("INBOUND"))
            .andExpect(jsonPath("$.subject").value("咨询会员积分"))
            .andExpect(jsonPath("$.customerName").value("赵敏"))
            .andExpect(jsonPath("$.durationMinutes").value(12))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");

    mvc.perform(get("/api/v1/interactions/" + id).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("已解释规则"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .param("type", "interaction")
                .with(as(agent))
                .locale(java.util.Locale.SIMPLIFIED_CHINESE))
        .andExpect(jsonPath("$[0].title").value("微信（呼入）：咨询会员积分"))
        .andExpect(jsonPath("$[0].link").value("/interactions/" + id));
    OffsetDateTime followedUp =
        jdbc.sql("SELECT last_follow_up_at FROM customer WHERE id = ?")
            .param(UUID.fromString(customer))
            .query(OffsetDateTime.class)
            .single();
    assertThat(followedUp.toInstant()).isEqualTo(at.toInstant());
  }

  @Test
  void publishesInteractionLogged() throws Exception {
    String id = InteractionFixtures.interaction(mvc, agent, customer);
    assertThat(events.stream(org.manyi.interactions.events.InteractionLogged.class))
        .anySatisfy(
            e -> {
              assertThat(e.interaction().value()).hasToString(id);
              assertThat(e.customer().value()).hasToString(customer);
            });
  }

  @Test
  void namesTheFieldsThatAreMissingOrWrong() throws Exception {
    mvc.perform(
            post("/api/v1/interactions")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"customerId\":\"%s\",\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\"}"
                        .formatted(customer)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("subject"));
    mvc.perform(
            post("/api/v1/interactions")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\":\"%s\",\"subject\":\"x\"}".formatted(customer)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"));
    mvc.perform(
            post("/api/v1/interactions")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerId":"%s","channel":"PHONE","direction":"OUTBOUND","subject":"x",
                     "occurredAt":"%s"}
                    """
                        .formatted(customer, OffsetDateTime.now().plus(Duration.ofDays(2)))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
    mvc.perform(
            post("/api/v1/interactions")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerId":"%s","channel":"PHONE","direction":"OUTBOUND","subject":"x",
                     "durationMinutes":-3}
                    """
                        .formatted(customer)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("durationMinutes"));
  }

  @Test
  void anotherTeamsCustomerIsNotFound() throws Exception {
    String id = InteractionFixtures.interaction(mvc, agent, customer);
    mvc.perform(
            post("/api/v1/interactions")
                .with(as(otherAgent))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"customerId\":\"%s\",\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"subject\":\"x\"}"
                        .formatted(customer)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + customer + "/interactions").with(as(otherAgent)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/interactions/" + id).with(as(otherAgent)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/interactions").with(as(otherAgent)).param("customer", customer))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void listsACustomersInteractionsPaged() throws Exception {
    for (int i = 0; i < 3; i++) {
      InteractionFixtures.interaction(mvc, agent, customer);
    }
    mvc.perform(
            get("/api/v1/customers/" + customer + "/interactions")
                .with(as(agent))
                .param("size", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.items.length()").value(2));
    mvc.perform(get("/api/v1/interactions").with(as(agent)).param("channel", "EMAIL"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void attachmentsAreCheckedByContentAndDownloadedWithinScope() throws Exception {
    String id = InteractionFixtures.interaction(mvc, agent, customer);
    String body =
        mvc.perform(
                multipart("/api/v1/interactions/" + id + "/attachments")
                    .file(new MockMultipartFile("file", "合同.pdf", "application/pdf", PDF))
                    .with(as(agent)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.contentType").value("application/pdf"))
            .andExpect(jsonPath("$.size").value(PDF.length))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String href = com.jayway.jsonpath.JsonPath.read(body, "$.href");
    mvc.perform(get(href).with(as(agent)))
        .andExpect(status().isOk())
        .andExpect(content().bytes(PDF))
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
    mvc.perform(get(href).with(as(otherAgent))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/interactions/" + id + "/attachments").with(as(agent)))
        .andExpect(jsonPath("$[*].fileName", hasItem("合同.pdf")));

    // an executable calling itself a PDF
    byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    mvc.perform(
            multipart("/api/v1/interactions/" + id + "/attachments")
                .file(new MockMultipartFile("file", "invoice.pdf", "application/pdf", exe))
                .with(as(agent)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    mvc.perform(
            multipart("/api/v1/interactions/" + id + "/attachments")
                .file(new MockMultipartFile("file", "big.pdf", "application/pdf", large))
                .with(as(agent)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
  }

  @Test
  void deletingTheCustomerDeletesItsInteractionsAndFiles() throws Exception {
    String id = InteractionFixtures.interaction(mvc, agent, customer);
    mvc.perform(
            multipart("/api/v1/interactions/" + id + "/attachments")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                .with(as(agent)))
        .andExpect(status().isCreated());
    mvc.perform(delete("/api/v1/customers/" + customer).with(as(agent)))
        .andExpect(status().isNoContent());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT COUNT(*) FROM interaction WHERE customer_id = ?")
                            .param(UUID.fromString(customer))
                            .query(Long.class)
                            .single())
                    .isZero());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM interaction_attachment WHERE interaction_id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void mergingMovesInteractionsToTheSurvivor() throws Exception {
    String other = InteractionFixtures.customer(mvc, agent, "赵敏（重复）");
    InteractionFixtures.interaction(mvc, agent, other);
    mvc.perform(
            post("/api/v1/customers/" + customer + "/merge")
                .with(as(agent))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sourceId\":\"" + other + "\"}"))
        .andExpect(status().isOk());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT COUNT(*) FROM interaction WHERE customer_id = ?")
                            .param(UUID.fromString(customer))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1));
  }
}
