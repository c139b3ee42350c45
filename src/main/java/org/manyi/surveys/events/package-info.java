/** Events the surveys module publishes. */
@NamedInterface("events")
@NullMarked
package org.manyi.surveys.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
