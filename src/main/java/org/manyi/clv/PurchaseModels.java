package org.manyi.clv;

import java.util.Collection;

/** Entry point for fitting a purchase model chosen at run time. */
public final class PurchaseModels {

  private PurchaseModels() {}

  /**
   * Fits the given model by maximum likelihood.
   *
   * @throws IllegalArgumentException when there are no customers
   */
  public static PurchaseModel fit(ModelType type, Collection<CustomerSummary> customers) {
    return switch (type) {
      case BG_NBD -> BgNbdModel.fit(customers);
      case PARETO_NBD -> ParetoNbdModel.fit(customers);
      case MBG_NBD -> MbgNbdModel.fit(customers);
    };
  }
}
