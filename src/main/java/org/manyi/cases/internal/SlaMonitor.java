package org.manyi.cases.internal;

import java.time.Clock;
import java.time.Instant;
import org.manyi.cases.CaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates cases whose deadline passed unmet: every minute (see {@code manyi.cases.check-delay}),
 * or when an admin asks. Each deadline escalates a case once (status ESCALATED, level raised, a
 * history entry, {@link org.manyi.cases.events.CaseEscalated}). Each case is escalated in its own
 * transaction so one failure does not hold back the others.
 */
@Service
public class SlaMonitor {

  private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

  private final CaseRepository cases;
  private final CaseManagement management;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  SlaMonitor(
      CaseRepository cases,
      CaseManagement management,
      PlatformTransactionManager transactionManager) {
    this.cases = cases;
    this.management = management;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Scheduled(
      fixedDelayString = "${manyi.cases.check-delay:60s}",
      initialDelayString = "${manyi.cases.check-delay:60s}")
  void scheduledCheck() {
    int escalated = escalateBreached(clock);
    if (escalated > 0) {
      log.info("Escalated {} cases with a breached deadline", escalated);
    }
  }

  /**
   * Escalates every open case with a deadline breached as of the clock's time.
   *
   * @param clock the time to judge by (a fixed clock in tests)
   * @return how many escalations were made
   */
  public int escalateBreached(Clock clock) {
    Instant now = clock.instant();
    SlaPolicy settings = management.policy();
    int escalated = 0;
    for (CaseId id : cases.breachCandidates(now)) {
      Integer n =
          transactions.execute(
              tx -> {
                Case c = cases.find(id).orElse(null);
                if (c == null) {
                  return 0;
                }
                int count = 0;
                for (Deadline d : Deadline.values()) {
                  if (c.escalateIfBreached(d, now, settings)) {
                    count++;
                  }
                }
                if (count > 0) {
                  management.save(c);
                }
                return count;
              });
      escalated += n == null ? 0 : n;
    }
    return escalated;
  }
}
