package org.manyi.customers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.manyi.platform.ManyiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest with AES-256-GCM (a fresh 96-bit nonce per value, stored in front
 * of the cipher text) and computes keyed hashes (HMAC-SHA256) for exact-match search without
 * decrypting. The hash key is derived from the encryption key, so one secret protects both; a
 * database dump without that secret yields neither the values nor a way to test guesses against the
 * hashes.
 *
 * <p>The key comes from {@code manyi.encryption-key} ({@code MANYI_ENCRYPTION_KEY}, base64 of 32
 * bytes). Without it, a key is generated into {@code <data-dir>/encryption.key} on first start and
 * read from there afterwards; production mode refuses to start without an explicit key.
 */
@Component
public class PersonalDataCipher {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
  private static final String KEY_FILE = "encryption.key";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey encryptionKey;
  private final SecretKey hashKey;
  private final SecureRandom random = new SecureRandom();

  PersonalDataCipher(ManyiProperties properties) {
    byte[] key = loadKey(properties);
    this.encryptionKey = new SecretKeySpec(key, "AES");
    this.hashKey = new SecretKeySpec(hmac(key, "manyi/lookup-hash/v1"), "HmacSHA256");
  }

  /** Base64 of nonce and cipher text with its authentication tag. */
  public String encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt", e);
    }
  }

  /**
   * The plain value.
   *
   * @throws IllegalStateException when the value was encrypted with another key or altered
   */
  public String decrypt(String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      return new String(
          cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decrypt: wrong encryption key or altered data", e);
    }
  }

  /** The keyed hash of an already normalised value, as 64 hex digits. */
  public String hash(String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash", e);
    }
  }

  private static byte[] hmac(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] loadKey(ManyiProperties properties) {
    String configured = properties.encryptionKey();
    if (configured != null && !configured.isBlank()) {
      return decodeKey(configured, "manyi.encryption-key");
    }
    Path file = properties.dataDir().resolve(KEY_FILE);
    try {
      if (Files.exists(file)) {
        return decodeKey(Files.readString(file), file.toString());
      }
      byte[] key = new byte[32];
      random.nextBytes(key);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.CREATE_NEW);
      restrictToOwner(file);
      log.warn(
          "Generated an encryption key for personal data in {}. Back this file up with the"
              + " database: without it, phone numbers and emails cannot be read. In production"
              + " set MANYI_ENCRYPTION_KEY instead.",
          file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the encryption key " + file, e);
    }
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system (Windows): the directory's own permissions apply
    }
  }

  private static byte[] decodeKey(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not valid base64", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(where + " must be 32 bytes (256 bits), base64 encoded");
    }
    return key;
  }
}
