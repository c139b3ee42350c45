/** Numerical internals of the CLV module (special functions, optimisation, grouping). */
@org.jspecify.annotations.NullMarked
package org.manyi.clv.internal;
