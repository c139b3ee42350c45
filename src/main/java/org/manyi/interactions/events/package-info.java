/**
 * What happened in the interactions module, published in the transaction that logged it and handled
 * by other modules after commit. Listeners must tolerate receiving an event twice.
 */
@NamedInterface("events")
@NullMarked
package org.manyi.interactions.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
