/** The task pages (HTML + htmx), the reminders badge and the JSON API under {@code /api/v1}. */
@NullMarked
package org.manyi.tasks.web;

import org.jspecify.annotations.NullMarked;
