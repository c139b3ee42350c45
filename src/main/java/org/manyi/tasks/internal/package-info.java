/** The task aggregate, its repository, the application service and the post-purchase rule. */
@NullMarked
package org.manyi.tasks.internal;

import org.jspecify.annotations.NullMarked;
