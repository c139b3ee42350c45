package org.manyi.platform;

import org.jspecify.annotations.Nullable;

/**
 * Sends email through the SMTP server configured with {@code spring.mail.*}. Without {@code
 * spring.mail.host} no server is configured: {@link #configured()} is false and nothing can be
 * sent, so callers show that state instead of failing.
 */
public interface Mail {

  /** A plain-text message to one recipient. */
  record Message(String to, String subject, String text) {}

  /** Why a message could not be sent, in words a user can act on (server, address, refusal). */
  final class NotSent extends RuntimeException {

    public NotSent(String reason, @Nullable Throwable cause) {
      super(reason, cause);
    }
  }

  /** Whether a mail server is configured. */
  boolean configured();

  /**
   * Sends one message now.
   *
   * @throws NotSent when no server is configured, the server refused it or could not be reached
   */
  void send(Message message);
}
