/** The interaction pages (HTML + htmx) and the JSON API under {@code /api/v1}. */
@NullMarked
package org.manyi.interactions.web;

import org.jspecify.annotations.NullMarked;
