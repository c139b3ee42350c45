package org.manyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
          "(?:message = \"\\{([\\w.]+)}\"|(?:notFound|invalid|conflict|conflictOn|tooMany)\\("
              + "(?:\"[\\w]+\", )?(?:\"[\\w-]+\", )?\"([a-zA-Z]+\\.[\\w.]*\\w)\""
              + "|\"flash(?:Success|Error)\", \"([\\w.]*\\w)\")");

  private static final Path BUNDLES = Path.of("src/main/resources/messages");

  @Test
  void everyBundleHasAChineseTwinWithTheSameKeys() throws IOException {
    for (String bundle : bundles()) {
      assertThat(load(bundle + "_zh_CN.properties").stringPropertyNames())
          .as(bundle)
          .containsExactlyInAnyOrderElementsOf(load(bundle + ".properties").stringPropertyNames());
    }
  }

  @Test
  void everyBundleIsConfigured() throws IOException {
    String config = Files.readString(Path.of("src/main/resources/application.yml"));
    for (String bundle : bundles()) {
      assertThat(config).contains("messages/" + bundle);
    }
  }

  @Test
  void noKeyIsDefinedInTwoBundles() throws IOException {
    Set<String> seen = new TreeSet<>();
    for (String bundle : bundles()) {
      for (String key : load(bundle + ".properties").stringPropertyNames()) {
        assertThat(seen.add(key)).as("%s is defined twice (again in %s)", key, bundle).isTrue();
      }
    }
  }

  /** The base names of the module bundles, such as "messages" and "customers". */
  private static List<String> bundles() throws IOException {
    try (Stream<Path> files = Files.list(BUNDLES)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".properties") && !n.contains("_"))
          .map(n -> n.substring(0, n.length() - ".properties".length()))
          .sorted()
          .toList();
    }
  }

  /** Every key of every English bundle. */
  private static Set<String> allKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String bundle : bundles()) {
      keys.addAll(load(bundle + ".properties").stringPropertyNames());
    }
    return keys;
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
    assertThat(allKeys()).containsAll(used);
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
    assertThat(allKeys()).containsAll(used);
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
