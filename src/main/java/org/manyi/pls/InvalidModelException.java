package org.manyi.pls;

/**
 * A model specification or data set that cannot be estimated. {@link #subject()} names the
 * offending construct, item or setting so that callers can point at it.
 */
public class InvalidModelException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String subject;

  /**
   * @param subject the construct, item or setting at fault
   * @param message a sentence that names the subject and says what is wrong
   */
  public InvalidModelException(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  /** The construct, item or setting at fault. */
  public String subject() {
    return subject;
  }
}
