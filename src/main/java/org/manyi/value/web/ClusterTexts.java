package org.manyi.value.web;

import java.util.Locale;
import org.manyi.value.internal.BehaviourClustering;
import org.manyi.value.internal.ClusterTrait;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A cluster's profile in plain words, in the user's language. */
@Component
class ClusterTexts {

  private final MessageSource messages;

  ClusterTexts(MessageSource messages) {
    this.messages = messages;
  }

  String describe(BehaviourClustering.Profile profile, Locale locale) {
    if (profile.traits().isEmpty()) {
      return messages.getMessage("value.clusters.trait.none", null, locale);
    }
    String separator = messages.getMessage("value.clusters.trait.separator", null, locale);
    StringBuilder text = new StringBuilder();
    for (ClusterTrait trait : profile.traits()) {
      if (!text.isEmpty()) {
        text.append(separator);
      }
      text.append(
          messages.getMessage(
              trait.messageKey(),
              new Object[] {trait.label() == null ? "" : trait.label()},
              locale));
    }
    return text.toString();
  }
}
