/** The customer pages (HTML + htmx) and the JSON API under {@code /api/v1/customers}. */
@NullMarked
package org.manyi.customers.web;

import org.jspecify.annotations.NullMarked;
