/** The order pages and the orders JSON API. */
@NullMarked
package org.manyi.orders.web;

import org.jspecify.annotations.NullMarked;
