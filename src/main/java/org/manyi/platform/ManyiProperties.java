package org.manyi.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Manyi's own settings, bound from {@code manyi.*} (and so from {@code MANYI_*} environment
 * variables).
 *
 * @param mode development or production, see {@link ManyiMode}
 * @param dataDir where the embedded database and generated keys live
 * @param adminPassword password of the first {@code admin}; generated and printed when absent
 * @param encryptionKey key for personal data at rest (base64, 256 bits)
 * @param demo load demo data at first start
 * @param security sign-in throttling
 */
@ConfigurationProperties("manyi")
public record ManyiProperties(
    @DefaultValue("DEVELOPMENT") ManyiMode mode,
    @DefaultValue("./data") Path dataDir,
    @Nullable String adminPassword,
    @Nullable String encryptionKey,
    @DefaultValue("false") boolean demo,
    @DefaultValue Security security) {

  /** Sign-in throttling. */
  public record Security(@DefaultValue Login login) {}

  /**
   * Repeated failed sign-ins are first slowed, then locked for a while, per account and per
   * address.
   */
  public record Login(
      @DefaultValue("5") int maxFailuresPerAccount,
      @DefaultValue("30") int maxFailuresPerAddress,
      @DefaultValue("3") int slowDownAfter,
      @DefaultValue("400ms") Duration slowDownStep,
      @DefaultValue("15m") Duration window,
      @DefaultValue("15m") Duration lockDuration) {}
}
