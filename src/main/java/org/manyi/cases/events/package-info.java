/**
 * What happened to cases, published in the transaction that changed them and handled by other
 * modules after commit. Listeners must tolerate receiving an event twice.
 */
@NamedInterface("events")
@NullMarked
package org.manyi.cases.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
