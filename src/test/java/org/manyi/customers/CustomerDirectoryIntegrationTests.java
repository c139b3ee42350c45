package org.manyi.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.customers.events.CustomerStageChanged;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserId;
import org.manyi.identity.Users;
import org.manyi.platform.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The interfaces other modules use to look customers up, register them and move their stage. */
@IntegrationTest
@RecordApplicationEvents
class CustomerDirectoryIntegrationTests {

  @Autowired Customers customers;
  @Autowired CustomerIntake intake;
  @Autowired CustomerStages stages;
  @Autowired CustomerContacts contacts;
  @Autowired Users users;
  @Autowired ApplicationEvents events;

  UserId admin() {
    return users.findByUsername("admin").orElseThrow().id();
  }

  @Test
  void registeredBuyersAreFoundByPhoneInAnyNotationAndByExternalId() {
    String phone = CustomerFixtures.phone();
    String external = "EXT-" + phone;
    CustomerId id =
        intake.register(new NewCustomer("王五", phone, "w5@example.com", external, "tmall"), admin());

    String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3);
    assertThat(customers.findByPhones(List.of(spaced, "13000000000", "not a phone")))
        .isEqualTo(Map.of(spaced, id));
    assertThat(customers.findByExternalIds(List.of(external, "nobody")))
        .isEqualTo(Map.of(external, id));
    assertThat(customers.find(id).orElseThrow().stage()).isEqualTo(LifecycleStage.PROSPECT);

    ContactPoint email = contacts.contact(id, ConsentChannel.EMAIL).orElseThrow();
    assertThat(email.address()).isEqualTo("w5@example.com");
    assertThat(email.consented()).isFalse();
  }

  @Test
  void refusesAnInvalidPhone() {
    assertThatThrownBy(
            () -> intake.register(new NewCustomer("赵六", "12345", null, null, null), admin()))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void stageMovesAreKeptInHistoryAndPublished() {
    CustomerId id =
        intake.register(new NewCustomer("钱七", CustomerFixtures.phone(), null, null, null), admin());
    Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-06-01T00:00:00Z");

    assertThat(stages.move(id, LifecycleStage.NEW, "first-purchase", t1)).isTrue();
    assertThat(stages.move(id, LifecycleStage.NEW, "first-purchase", t1)).isFalse();
    assertThat(stages.move(id, LifecycleStage.DORMANT, "no-purchase-180d", t2)).isTrue();

    assertThat(stages.history(id))
        .extracting(StageChange::to)
        .containsExactly(LifecycleStage.DORMANT, LifecycleStage.NEW);
    assertThat(customers.find(id).orElseThrow().stage()).isEqualTo(LifecycleStage.DORMANT);
    assertThat(events.stream(CustomerStageChanged.class).filter(e -> e.customer().equals(id)))
        .hasSize(2);
  }

  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired CustomerAccess access;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void scopeLetsAnAgentSeeOwnCustomersOnly() throws Exception {
    String team = CustomerFixtures.team(mvc);
    CurrentUser owner = current(CustomerFixtures.user(mvc, "AGENT", team), Role.AGENT);
    CurrentUser colleague = current(CustomerFixtures.user(mvc, "AGENT", team), Role.AGENT);
    CurrentUser manager = current(CustomerFixtures.user(mvc, "MANAGER", team), Role.MANAGER);
    CustomerId id =
        intake.register(
            new NewCustomer("孙八", CustomerFixtures.phone(), null, null, null), owner.id());

    assertThat(access.canRead(owner, id)).isTrue();
    assertThat(access.canRead(colleague, id)).isFalse();
    assertThat(access.canRead(manager, id)).isTrue();
    assertThat(visible(owner, id)).isTrue();
    assertThat(visible(colleague, id)).isFalse();
    assertThat(visible(manager, id)).isTrue();
  }

  private boolean visible(CurrentUser user, CustomerId id) {
    ScopeCondition scope = access.condition(user, "x.id");
    java.util.List<Object> params = new java.util.ArrayList<>(scope.params());
    params.add(id.value());
    return jdbc.sql("SELECT COUNT(*) FROM customer x WHERE " + scope.sql() + " AND x.id = ?")
            .params(params)
            .query(Long.class)
            .single()
        == 1;
  }

  private CurrentUser current(String username, Role role) {
    var user = users.findByUsername(username).orElseThrow();
    return new CurrentUser(
        user.id(), username, username, java.util.Set.of(role), user.teamId(), false);
  }

  @Test
  void selectionsStreamTheScopedSegmentInChunks() throws Exception {
    String team = CustomerFixtures.team(mvc);
    CurrentUser owner = current(CustomerFixtures.user(mvc, "AGENT", team), Role.AGENT);
    String city = "选择市" + java.util.UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 5; i++) {
      CustomerId id =
          intake.register(
              new NewCustomer("客户" + i, CustomerFixtures.phone(), null, null, null), owner.id());
      jdbc.sql("UPDATE customer SET city = ? WHERE id = ?").params(city, id.value()).update();
      if (i < 2) {
        stages.move(id, LifecycleStage.NEW, "first-purchase", Instant.now());
      }
    }
    java.util.List<java.util.List<CustomerSummary>> chunks = new java.util.ArrayList<>();
    access.select(
        owner,
        new CustomerSelection(
            java.util.Set.of(LifecycleStage.PROSPECT), city, null, null, null, null),
        2,
        chunks::add);
    assertThat(chunks).hasSize(2);
    assertThat(chunks.stream().mapToInt(java.util.List::size).sum()).isEqualTo(3);

    CurrentUser stranger =
        current(CustomerFixtures.user(mvc, "AGENT", CustomerFixtures.team(mvc)), Role.AGENT);
    java.util.List<CustomerSummary> seen = new java.util.ArrayList<>();
    access.select(
        stranger, new CustomerSelection(null, city, null, null, null, null), 100, seen::addAll);
    assertThat(seen).isEmpty();
  }
}
