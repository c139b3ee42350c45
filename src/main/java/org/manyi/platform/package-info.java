/**
 * What every module stands on: the page layout and navigation, errors as RFC 9457 problem details
 * (htmx-aware on pages), security configuration (form sign-in for pages, HTTP Basic and bearer
 * tokens for {@code /api/v1}), sign-in throttling, language selection, the {@code Idempotency-Key}
 * contract of the JSON API, background jobs with progress, the demo data generator, and the
 * production-mode guard. Its base package is its API: {@link org.manyi.platform.Jobs}, {@link
 * org.manyi.platform.DemoDataContributor}, {@link org.manyi.platform.ProblemException} and friends.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package org.manyi.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
