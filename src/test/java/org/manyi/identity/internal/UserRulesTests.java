package org.manyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.manyi.identity.Role;
import org.manyi.platform.ProblemException;

class UserRulesTests {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  private static User register(String username, String name, Set<Role> roles) {
    return User.register(username, name, null, "{noop}x", false, null, roles, NOW);
  }

  @Test
  void usernamesAreLowerCasedAndLimitedToSafeCharacters() {
    assertThat(register("  Zhang.San ", "张三", Set.of(Role.AGENT)).username())
        .isEqualTo("zhang.san");
    assertThatThrownBy(() -> register("张三", "张三", Set.of(Role.AGENT)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("username"));
    assertThatThrownBy(() -> register("ab", "A", Set.of(Role.AGENT)))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aUserNeedsARoleAndAName() {
    assertThatThrownBy(() -> register("wangwu", "王五", Set.of()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("roles"));
    assertThatThrownBy(() -> register("wangwu", "  ", Set.of(Role.AGENT)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("displayName"));
  }

  @Test
  void aPasswordSetBySomeoneElseIsTemporary() {
    User user = register("zhaoliu", "赵六", Set.of(Role.AGENT));
    user.changePassword("{noop}new", true, NOW);
    assertThat(user.mustChangePassword()).isTrue();
    user.changePassword("{noop}mine", false, NOW);
    assertThat(user.mustChangePassword()).isFalse();
  }

  @Test
  void passwordsMustBeLongAndNotTheUsername() {
    assertThatThrownBy(() -> UserManagement.checkPassword("password", "short", "someone"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () -> UserManagement.checkPassword("password", "verylongusername", "VeryLongUsername"))
        .isInstanceOf(ProblemException.class);
    UserManagement.checkPassword("password", "a sentence is a fine password", "someone");
  }
}
