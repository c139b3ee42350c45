/** What the value module tells others: churn warnings raised (for retention tasks). */
@NamedInterface("events")
@NullMarked
package org.manyi.value.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
