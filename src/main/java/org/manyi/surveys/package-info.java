/**
 * Surveys and satisfaction metrics: surveys of NPS, CSAT, CES, rating, choice, Likert and text
 * questions (bilingual, versioned once answered), their distribution by personal link and email (to
 * a list or a segment, all or a random or stratified sample, under consent, contact-interval and
 * quiet-hours rules, with one reminder), the public response page, and NPS/CSAT/CES computed from
 * item-level answers with confidence intervals, broken down by the customer's city, stage, owner,
 * value tier and product category (read through the customers and orders query interfaces when the
 * answer arrives), optionally weighted, from daily and monthly rollups. Publishes {@link
 * org.manyi.surveys.events.SurveyAnswered} for the modules that act on scores.
 */
@ApplicationModule(
    displayName = "Surveys",
    allowedDependencies = {
      "platform",
      "shared",
      "identity",
      "customers",
      "orders",
      "orders :: events"
    })
@NullMarked
package org.manyi.surveys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
