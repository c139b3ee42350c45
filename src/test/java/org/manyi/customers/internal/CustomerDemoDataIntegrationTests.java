package org.manyi.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.platform.DemoContext;
import org.manyi.platform.JobContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CustomerDemoDataIntegrationTests {

  @Autowired CustomerDemoData demo;
  @Autowired CustomerManagement customers;
  @Autowired TransactionTemplate transactions;
  @Autowired CustomerHistory history;

  @Test
  void generatesTheSameRealisticCustomersFromTheSameSeed() {
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    var owners = demo.owners();
    List<Customer> a = demo.generate(new Random(42), 50, owners, now);
    List<Customer> b = demo.generate(new Random(42), 50, owners, now);
    assertThat(a)
        .extracting(c -> c.profile().name())
        .isEqualTo(b.stream().map(c -> c.profile().name()).toList());
    assertThat(a)
        .extracting(c -> c.profile().phones())
        .isEqualTo(b.stream().map(c -> c.profile().phones()).toList());
    assertThat(a).extracting(Customer::id).isEqualTo(b.stream().map(Customer::id).toList());
    assertThat(a)
        .allSatisfy(
            c -> {
              assertThat(c.profile().phones()).isNotEmpty();
              assertThat(c.profile().city()).isNotBlank();
              assertThat(c.profile().source()).isNotNull();
            });
  }

  @Test
  void contributesTheRequestedNumberOfCustomers() {
    long before = customers.count();
    transactions.executeWithoutResult(
        status -> demo.contribute(new DemoContext(new Random(7), 30, new SilentJob())));
    assertThat(customers.count()).isEqualTo(before + 30);
    // the same seed gives the same first customer, whose timeline starts when it was added
    Customer first = demo.generate(new Random(7), 1, demo.owners(), Instant.now()).get(0);
    assertThat(customers.find(first.id())).isPresent();
    assertThat(history.entries(first.id(), java.util.Locale.ENGLISH, 10))
        .extracting(org.manyi.customers.TimelineEntry::title)
        .containsExactly("Record created in Manyi");
  }

  /** A job that nobody watches. */
  static class SilentJob implements JobContext {
    @Override
    public void total(long total) {}

    @Override
    public void processed(long processed) {}

    @Override
    public void message(String message) {}

    @Override
    public void result(Object result) {}

    @Override
    public boolean cancelRequested() {
      return false;
    }
  }
}
