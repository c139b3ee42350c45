package org.manyi.orders.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the purchase-derived lifecycle stage ({@code manyi.lifecycle.*}).
 *
 * @param newDays a customer whose first purchase is at most this many days old is new
 * @param dormantDays a customer without a purchase for this many days is dormant
 * @param lostDays a customer without a purchase for this many days is lost
 * @param dailyRunCron when the daily run moves customers whose purchases have aged (server time)
 */
@ConfigurationProperties("manyi.lifecycle")
public record LifecycleProperties(
    @DefaultValue("90") int newDays,
    @DefaultValue("180") int dormantDays,
    @DefaultValue("365") int lostDays,
    @DefaultValue("0 30 2 * * *") String dailyRunCron) {

  public LifecycleProperties {
    if (newDays < 1 || dormantDays <= 0 || lostDays <= dormantDays) {
      throw new IllegalArgumentException(
          "manyi.lifecycle: need new-days >= 1 and 0 < dormant-days < lost-days");
    }
  }
}
