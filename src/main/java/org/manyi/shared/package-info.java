/**
 * The open kernel every module may use: small value types (pages of results, time conversion at the
 * database boundary). Nothing here knows about any business module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Shared kernel")
@NullMarked
package org.manyi.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
