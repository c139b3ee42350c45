/**
 * What happened to orders, published in the transaction that changed them and handled by other
 * modules after commit (post-purchase callbacks, survey triggers). Listeners must tolerate
 * receiving an event twice.
 */
@NamedInterface("events")
@NullMarked
package org.manyi.orders.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
