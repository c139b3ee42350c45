package org.manyi.interactions.internal;

/**
 * An interaction as lists show it: with the names of the customer and of whoever logged it.
 *
 * @param attachments how many files are attached
 */
public record InteractionView(
    Interaction interaction, String customerName, String loggedByName, int attachments) {}
