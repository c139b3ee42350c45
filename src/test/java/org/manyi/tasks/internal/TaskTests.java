package org.manyi.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.manyi.customers.CustomerId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;

class TaskTests {

  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  static final UserId AGENT = UserId.random();

  static Task callback() {
    return Task.open(
        new NewTask(
            CustomerId.random(),
            TaskType.CALLBACK,
            AGENT,
            NOW.plus(Duration.ofDays(1)),
            TaskPriority.HIGH,
            "  问问使用感受 ",
            null),
        AGENT,
        NOW);
  }

  @Test
  void opensWithTrimmedNotes() {
    Task task = callback();
    assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
    assertThat(task.notes()).isEqualTo("问问使用感受");
    assertThat(task.isOverdue(NOW)).isFalse();
    assertThat(task.isOverdue(NOW.plus(Duration.ofDays(2)))).isTrue();
  }

  @Test
  void completesOnlyWithAResultNoteAndOnlyOnce() {
    Task task = callback();
    assertThatThrownBy(() -> task.complete("  ", AGENT, NOW))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.firstField().field()).isEqualTo("resultNote"));
    assertThat(task.isOpen()).isTrue();

    task.complete("客户很满意", AGENT, NOW);
    assertThat(task.status()).isEqualTo(TaskStatus.DONE);
    assertThat(task.resultNote()).isEqualTo("客户很满意");
    assertThat(task.closedAt()).isEqualTo(NOW);
    assertThat(task.isOverdue(NOW.plus(Duration.ofDays(9)))).isFalse();

    assertThatThrownBy(() -> task.complete("again", AGENT, NOW))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo("task-not-open"));
  }

  @Test
  void cancelsWithAReasonAndThenRefusesEveryTransition() {
    Task task = callback();
    assertThatThrownBy(() -> task.cancel(null, AGENT, NOW)).isInstanceOf(ProblemException.class);
    task.cancel("客户已退货", AGENT, NOW);
    assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(task.cancelReason()).isEqualTo("客户已退货");
    assertThatThrownBy(() -> task.reassign(UserId.random())).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> task.complete("x", AGENT, NOW)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> task.cancel("x", AGENT, NOW)).isInstanceOf(ProblemException.class);
  }

  @Test
  void reassignsWhileOpen() {
    Task task = callback();
    UserId colleague = UserId.random();
    task.reassign(colleague);
    assertThat(task.assignee()).isEqualTo(colleague);
  }

  @Test
  void rejectsOverlongNotes() {
    assertThatThrownBy(
            () ->
                Task.open(
                    new NewTask(
                        CustomerId.random(),
                        TaskType.VISIT,
                        AGENT,
                        NOW,
                        TaskPriority.LOW,
                        "x".repeat(Task.NOTES_MAX + 1),
                        null),
                    AGENT,
                    NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void postPurchaseRuleAppliesFromTheThresholdWhenEnabled() {
    PostPurchaseRule rule = PostPurchaseRule.of(true, new BigDecimal("500.00"), 7);
    assertThat(rule.appliesTo(new BigDecimal("500"))).isTrue();
    assertThat(rule.appliesTo(new BigDecimal("499.99"))).isFalse();
    assertThat(PostPurchaseRule.of(false, BigDecimal.ZERO, 7).appliesTo(BigDecimal.TEN)).isFalse();
    assertThatThrownBy(() -> PostPurchaseRule.of(true, new BigDecimal("-1"), 7))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> PostPurchaseRule.of(true, BigDecimal.ONE, 400))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void dueWindowsParseIgnoringCase() {
    assertThat(Due.parse("Today")).isEqualTo(Due.TODAY);
    assertThat(Due.parse(null)).isEqualTo(Due.ALL);
    assertThat(Due.parse("tomorrow")).isNull();
  }
}
