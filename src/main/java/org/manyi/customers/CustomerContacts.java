package org.manyi.customers;

import java.util.Optional;

/**
 * Contact details for modules that send messages (survey invitations, acknowledgements, greetings).
 * Reading them is not audited as a reveal: no person sees them, a machine sends to them.
 */
public interface CustomerContacts {

  /** The customer's primary address and consent for a channel; empty if the customer is unknown. */
  Optional<ContactPoint> contact(CustomerId customer, ConsentChannel channel);

  /**
   * Records that the customer no longer agrees to be contacted through a channel, such as after an
   * opt-out link in an email; the method is kept as the proof.
   */
  void withdraw(CustomerId customer, ConsentChannel channel, String method);
}
