/** The customer aggregate, its repository, the application service, protection of personal data. */
@NullMarked
package org.manyi.customers.internal;

import org.jspecify.annotations.NullMarked;
