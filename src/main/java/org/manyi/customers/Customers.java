package org.manyi.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to customers for other modules. These reads are not scoped to a user: the calling
 * module applies its own scope (usually by the customer's owner and team in the summary).
 */
public interface Customers {

  Optional<CustomerSummary> find(CustomerId id);

  long count();

  /**
   * Customers in a stable order (oldest first), for batch work such as other modules' demo data.
   */
  List<CustomerSummary> list(int offset, int limit);

  /**
   * The customers with these external IDs, keyed by the external ID as given; IDs no customer has
   * are left out.
   */
  Map<String, CustomerId> findByExternalIds(Collection<String> externalIds);

  /**
   * The customers with these phone numbers (any of their numbers), keyed by the number as given;
   * numbers are normalised before matching (spaces, dashes, +86), unknown or invalid ones left out.
   */
  Map<String, CustomerId> findByPhones(Collection<String> phones);

  /**
   * Up to {@code limit} customers whose name matches the term as in the customer search box
   * (characters anywhere in the name, pinyin from a syllable, initials). Not scoped.
   */
  List<CustomerId> findByName(String term, int limit);

  /**
   * How many customers are in each lifecycle stage, for population shares (e.g. weighting survey
   * answers to the customer base); stages without customers are left out.
   */
  Map<LifecycleStage, Long> countByStage();

  /**
   * How many customers live in each city (trimmed as stored; customers without a city under the
   * empty string), for population shares.
   */
  Map<String, Long> countByCity();
}
