package org.manyi.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.manyi.customers.CustomerId;

/**
 * One purchase as customer-base models need it (BG/NBD, Gamma-Gamma).
 *
 * @param date the order date in China Standard Time
 * @param amount the order total net of refunds
 */
public record PurchaseTransaction(CustomerId customer, LocalDate date, BigDecimal amount) {}
