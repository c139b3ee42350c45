/** The interaction aggregate, its repository, attachments on disk and the application service. */
@NullMarked
package org.manyi.interactions.internal;

import org.jspecify.annotations.NullMarked;
