package org.manyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible string comes from the bundles, and both languages have every key. */
class MessageBundleTests {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path SOURCES = Path.of("src/main/java");
  /** A literal key in a template: #{key} or #{key(args)}. */
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[(}]");
  /** Codes in Java: validation messages "{key}", problem codes, flash messages. */
  private static final Pattern JAVA_KEY =
      Pattern.compile(
          "(?:message = \"\\{([\\w.]+)}\"|(?:notFound|invalid|conflict|conflictOn)\\((?:\"[\\w]+\","
              + " )?(?:\"[\\w-]+\", )?\"([a-zA-Z]+\\.[\\w.]+)\"|\"flash(?:Success|Error)\","
              + " \"([\\w.]+)\")");

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(load("messages_zh_CN.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void everyKeyUsedInTemplatesExists() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
  }

  @Test
  void everyCodeUsedInJavaExists() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = JAVA_KEY.matcher(Files.readString(file));
        while (m.find()) {
          for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
              used.add(m.group(g));
            }
          }
        }
      }
    }
    assertThat(used).contains("user.username.taken", "password.changed", "user.email.invalid");
    assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        MessageBundleTests.class.getClassLoader().getResourceAsStream("messages/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
