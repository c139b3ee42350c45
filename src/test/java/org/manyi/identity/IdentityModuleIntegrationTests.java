package org.manyi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.manyi.identity.internal.UserManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The identity module with only the modules it depends on. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class IdentityModuleIntegrationTests {

  @Autowired UserManagement management;
  @Autowired Users users;

  @Test
  void createsTheFirstAdminAndAnswersQueriesThroughTheModuleApi() {
    assertThat(users.findByUsername("admin")).isPresent();

    String team = "module-test-" + System.nanoTime();
    management.createTeam(team);
    management.create(
        new UserManagement.NewUser(
            "mod" + (System.nanoTime() % 1_000_000),
            "模块测试",
            null,
            Set.of(Role.ANALYST),
            team,
            "long-enough-password"));

    UserSummary created =
        users.enabled().stream().filter(u -> team.equals(u.teamName())).findFirst().orElseThrow();
    assertThat(created.roles()).containsExactly(Role.ANALYST);
    assertThat(users.members(created.teamId())).extracting(UserSummary::id).contains(created.id());
  }
}
