/**
 * Customer value (客户价值): RFM scores and named segments computed as of a date from the purchase
 * history, value deciles and concentration; later the churn warnings and CLV panel. A sink module:
 * it reads orders and customers and nothing depends on it; it offers its RFM segments to
 * satisfaction runs by implementing {@link org.manyi.satisfaction.CustomerSegments}.
 */
@ApplicationModule(
    displayName = "Customer value",
    allowedDependencies = {
      "platform",
      "shared",
      "identity",
      "customers",
      "orders",
      "clv",
      "satisfaction"
    })
@NullMarked
package org.manyi.value;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
