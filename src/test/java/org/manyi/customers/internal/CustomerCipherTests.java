package org.manyi.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manyi.platform.ManyiMode;
import org.manyi.platform.ManyiProperties;

class CustomerCipherTests {

  @TempDir Path dataDir;

  private ManyiProperties properties(String key) {
    return new ManyiProperties(ManyiMode.DEVELOPMENT, dataDir, null, key, false, null);
  }

  @Test
  void encryptsWithAFreshNonceAndDecrypts() {
    PersonalDataCipher cipher = new PersonalDataCipher(properties(key(1)));
    String a = cipher.encrypt("13812345678");
    String b = cipher.encrypt("13812345678");
    assertThat(a).isNotEqualTo(b).doesNotContain("13812345678");
    assertThat(cipher.decrypt(a)).isEqualTo("13812345678");
  }

  @Test
  void hashesDeterministicallyPerKey() {
    PersonalDataCipher one = new PersonalDataCipher(properties(key(1)));
    PersonalDataCipher two = new PersonalDataCipher(properties(key(2)));
    assertThat(one.hash("13812345678")).isEqualTo(one.hash("13812345678")).hasSize(64);
    assertThat(one.hash("13812345678")).isNotEqualTo(two.hash("13812345678"));
  }

  @Test
  void refusesToDecryptWithAnotherKeyOrAlteredData() {
    PersonalDataCipher one = new PersonalDataCipher(properties(key(1)));
    PersonalDataCipher two = new PersonalDataCipher(properties(key(2)));
    String sealed = one.encrypt("zhang@example.com");
    assertThatThrownBy(() -> two.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void generatesAKeyIntoTheDataDirectoryOnceAndReusesIt() throws Exception {
    PersonalDataCipher first = new PersonalDataCipher(properties(null));
    Path file = dataDir.resolve("encryption.key");
    assertThat(file).exists();
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    PersonalDataCipher second = new PersonalDataCipher(properties(null));
    assertThat(second.decrypt(first.encrypt("x"))).isEqualTo("x");
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new PersonalDataCipher(
                    properties(Base64.getEncoder().encodeToString(new byte[16]))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }

  private static String key(int seed) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) seed);
    return Base64.getEncoder().encodeToString(key);
  }
}
