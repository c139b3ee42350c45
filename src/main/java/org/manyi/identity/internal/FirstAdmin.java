package org.manyi.identity.internal;

import java.security.SecureRandom;
import org.manyi.platform.ManyiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With an empty database, creates the {@code admin} user: with {@code MANYI_ADMIN_PASSWORD} when
 * set, otherwise with a generated password printed once to the console, to be changed at first
 * sign-in.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  /** No look-alikes (0/O, 1/l/I), so the password can be typed from a screen. */
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  private static final int GENERATED_LENGTH = 16;

  private final UserManagement users;
  private final ManyiProperties properties;

  FirstAdmin(UserManagement users, ManyiProperties properties) {
    this.users = users;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.count() > 0) {
      return;
    }
    String configured = properties.adminPassword();
    if (configured != null && !configured.isBlank()) {
      users.createAdmin(configured, false);
      log.info("Created the admin user with the password from MANYI_ADMIN_PASSWORD");
      return;
    }
    String generated = generate();
    users.createAdmin(generated, true);
    // printed on purpose, once: the only way a newcomer learns it; never logged again
    String line = "=".repeat(72);
    System.out.printf(
        "%n%s%n  Manyi: first start. Sign in as  admin  with the password%n%n      %s%n%n"
            + "  You will be asked to change it at first sign-in.%n"
            + "  (Set MANYI_ADMIN_PASSWORD to choose it yourself.)%n%s%n%n",
        line, generated, line);
  }

  static String generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
