package org.manyi.customers.events;

import java.time.Instant;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;

/**
 * Two records of one customer became one: every module moves what refers to {@code merged} over to
 * {@code survivor}. The merged record no longer exists.
 */
public record CustomerMerged(CustomerId survivor, CustomerId merged, UserId by, Instant at) {}
