package org.manyi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.manyi.platform.ProblemException;

class UserTests {

  @Test
  void rolesGrantPermissions() {
    CurrentUser admin = new CurrentUser(UserId.random(), "a", "A", Set.of(Role.ADMIN), null, false);
    CurrentUser agent = new CurrentUser(UserId.random(), "b", "B", Set.of(Role.AGENT), null, false);
    CurrentUser manager =
        new CurrentUser(UserId.random(), "c", "C", Set.of(Role.MANAGER, Role.AGENT), null, false);
    assertThat(admin.can(Permission.USERS_MANAGE)).isTrue();
    assertThat(agent.can(Permission.USERS_READ)).isFalse();
    assertThat(manager.can(Permission.USERS_READ)).isTrue();
    assertThat(manager.can(Permission.USERS_MANAGE)).isFalse();
  }

  @Test
  void problemsNameTheirField() {
    assertThatThrownBy(
            () -> {
              throw ProblemException.invalid("username", "user.username.pattern");
            })
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("username"));
  }
}
