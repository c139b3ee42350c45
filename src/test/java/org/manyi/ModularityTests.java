package org.manyi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(ManyiApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  /**
   * Writes target/spring-modulith-docs. The Javadoc excerpts it embeds are read back with Spring
   * Boot's basic JSON parser, which fails on unbalanced brackets inside a comment, such as a
   * half-open interval written "(T, T + h]": write such intervals in words.
   */
  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeDocumentation();
  }
}
