/** Outgoing email through the configured SMTP server. */
@NullMarked
package org.manyi.platform.mail;

import org.jspecify.annotations.NullMarked;
