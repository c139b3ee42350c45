/**
 * Interactions (沟通记录): every conversation with a customer on any channel (phone, email, WeChat,
 * WeCom, visit, SMS, online chat, social media), with direction, time, duration, subject, notes,
 * outcome, the related order or case, who logged it, and attachments checked by their content.
 * Logging an interaction counts as follow-up for the customers module's public pool rule; each one
 * appears on the customer 360 timeline. Its base package is the API: {@link
 * org.manyi.interactions.Interactions} to log one from another module (tasks does, when a callback
 * is completed), {@link org.manyi.interactions.InteractionId} and the channel and direction enums;
 * {@link org.manyi.interactions.events.InteractionLogged} is published for every logged one.
 */
@ApplicationModule(
    displayName = "Interactions",
    allowedDependencies = {"platform", "shared", "identity", "customers", "customers :: events"})
@NullMarked
package org.manyi.interactions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
