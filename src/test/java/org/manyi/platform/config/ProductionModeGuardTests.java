package org.manyi.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionModeGuardTests {

  private final ProductionModeGuard guard = new ProductionModeGuard();

  @Test
  void developmentModeStartsOnH2WithoutSettings() {
    MockEnvironment env =
        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/manyi");
    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void productionModeRefusesH2AndMissingSecretsNamingEachSetting() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("manyi.mode", "production")
            .withProperty("spring.datasource.url", "jdbc:h2:file:./data/manyi");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(MisconfiguredProductionException.class)
        .satisfies(
            e ->
                assertThat(((MisconfiguredProductionException) e).problems())
                    .hasSize(3)
                    .anyMatch(p -> p.contains("SPRING_DATASOURCE_URL"))
                    .anyMatch(p -> p.contains("MANYI_ADMIN_PASSWORD"))
                    .anyMatch(p -> p.contains("MANYI_ENCRYPTION_KEY")));
  }

  @Test
  void productionModeStartsOnPostgresWithSecrets() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("manyi.mode", "PRODUCTION")
            .withProperty("spring.datasource.url", "jdbc:postgresql://db/manyi")
            .withProperty("manyi.admin-password", "a-long-password")
            .withProperty("manyi.encryption-key", "c2VjcmV0");
    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void failureAnalysisListsWhatToSet() {
    var analysis =
        new ProductionModeFailureAnalyzer()
            .analyze(
                new MisconfiguredProductionException(java.util.List.of("MANYI_X must be set")));
    assertThat(analysis.getDescription()).contains("MANYI_X must be set");
  }
}
