/**
 * Customer information management: one true record per customer (person or company) with its
 * contacts, address, source, tags, owner and team, lifecycle stage and consents; search by name,
 * pinyin, phone, email and external ID; data scope by role; personal data encrypted at rest and
 * masked on screen, every reveal audited; duplicate detection; the customer 360 page with a
 * timeline that other modules fill through {@link org.manyi.customers.CustomerTimelineSource}.
 *
 * <p>Its base package is the API for other modules: {@link org.manyi.customers.CustomerId}, {@link
 * org.manyi.customers.CustomerSummary}, the {@link org.manyi.customers.Customers} query interface
 * and the timeline extension point; events are in {@code events}.
 */
@ApplicationModule(
    displayName = "Customers",
    allowedDependencies = {"platform", "shared", "identity"})
@NullMarked
package org.manyi.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
