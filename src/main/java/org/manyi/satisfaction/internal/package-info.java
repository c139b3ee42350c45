/** Stored models, runs, estimation and analyses of the satisfaction module. */
@NullMarked
package org.manyi.satisfaction.internal;

import org.jspecify.annotations.NullMarked;
