package org.manyi.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start in production mode with the settings meant for trying Manyi out. Runs before any
 * bean exists, so nothing (no H2 file, no admin) is created on the way to the refusal.
 */
public class ProductionModeGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String mode = environment.getProperty("manyi.mode", "development");
    if (!"production".equals(mode.strip().toLowerCase(Locale.ROOT))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.isBlank() || url.startsWith("jdbc:h2:")) {
      problems.add(
          "SPRING_DATASOURCE_URL must point to PostgreSQL (the embedded H2 database is for"
              + " trying Manyi only), e.g. jdbc:postgresql://db:5432/manyi");
    }
    if (isBlank(environment.getProperty("manyi.admin-password"))) {
      problems.add("MANYI_ADMIN_PASSWORD must be set (the first admin's password)");
    }
    if (isBlank(environment.getProperty("manyi.encryption-key"))) {
      problems.add(
          "MANYI_ENCRYPTION_KEY must be set (base64 of 32 random bytes, e.g. `openssl rand"
              + " -base64 32`); keep a backup: personal data cannot be read without it");
    }
    if (!problems.isEmpty()) {
      throw new MisconfiguredProductionException(problems);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
