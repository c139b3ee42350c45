/**
 * Customer value (客户价值): RFM scores and named segments computed as of a date from the purchase
 * history, value deciles and concentration, lifetime-value fits, churn risk and warnings, clusters,
 * defections and cohorts. A sink module: it reads orders and customers and nothing depends on it;
 * it offers its RFM segments to satisfaction runs by implementing {@link
 * org.manyi.satisfaction.CustomerSegments}.
 */
@ApplicationModule(
    displayName = "Customer value",
    allowedDependencies = {
      "platform",
      "shared",
      "identity",
      "customers",
      "customers :: events",
      "orders",
      "clv",
      "cases",
      "interactions",
      "surveys",
      "satisfaction"
    })
@NullMarked
package org.manyi.value;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
