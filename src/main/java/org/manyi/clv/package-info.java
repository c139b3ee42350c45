/**
 * Customer lifetime value models: probability models of customer-base behaviour ("buy till you
 * die") and the churn signals derived from them. The module owns the conversion of a transaction
 * log into per-customer frequency/recency/age summaries, the maximum-likelihood fitting of the
 * BG/NBD, Pareto/NBD and MBG/NBD purchase models and the Gamma-Gamma spend model, per-customer
 * expectations (probability of being alive, expected purchases, customer lifetime value), holdout
 * validation, and churn-risk scoring with its backtest metrics. It is pure computation: no Spring
 * beans, no web layer and no persistence.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Customer lifetime value models")
package org.manyi.clv;
