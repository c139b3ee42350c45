/** Pages and JSON API of the satisfaction module. */
@NullMarked
package org.manyi.satisfaction.web;

import org.jspecify.annotations.NullMarked;
