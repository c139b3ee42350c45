package org.manyi.interactions;

/**
 * Logging interactions from other modules, such as a completed callback task. The caller has
 * already checked that its user may work with the customer; the interaction counts as follow-up and
 * publishes {@link org.manyi.interactions.events.InteractionLogged}.
 */
public interface Interactions {

  /**
   * Logs an interaction.
   *
   * @throws org.manyi.platform.ProblemException 400 naming the field when the interaction is
   *     invalid (subject missing, time in the future, ...)
   */
  InteractionId log(NewInteraction interaction);
}
