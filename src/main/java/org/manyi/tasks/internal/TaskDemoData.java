package org.manyi.tasks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.manyi.tasks.TaskId;
import org.manyi.tasks.TaskPriority;
import org.manyi.tasks.TaskStatus;
import org.manyi.tasks.TaskType;
import org.springframework.stereotype.Component;

/**
 * Follow-up tasks for about a third of the demo customers, assigned to their owners: some done in
 * the past days, some overdue, some due today and in the next two weeks, so "my tasks" and the
 * reminders have something to show. The same seed gives the same tasks (due times relative to the
 * day of loading).
 */
@Component
class TaskDemoData implements DemoDataContributor {

  static final int BATCH = 500;

  private static final TaskType[] TYPES = {
    TaskType.CALLBACK, TaskType.CALLBACK, TaskType.CALLBACK, TaskType.CALLBACK,
    TaskType.CARE, TaskType.CARE, TaskType.VISIT, TaskType.OTHER
  };
  private static final TaskPriority[] PRIORITIES = {
    TaskPriority.LOW,
    TaskPriority.NORMAL,
    TaskPriority.NORMAL,
    TaskPriority.NORMAL,
    TaskPriority.HIGH,
    TaskPriority.HIGH,
    TaskPriority.URGENT
  };
  private static final String[] NOTES = {
    "回访新品使用感受", "确认退换货处理结果", "生日关怀，送优惠券", "邀请参加会员日活动", "跟进企业采购报价", "询问配送服务满意度", "上门安装回访", "提醒积分即将过期"
  };
  private static final String[] RESULTS = {
    "客户满意，无其他问题", "客户未接听，已发短信", "客户有复购意向", "已解决客户疑问", "客户建议改进包装"
  };

  private final Customers customers;
  private final TaskRepository repository;
  private final Clock clock = Clock.systemUTC();

  TaskDemoData(Customers customers, TaskRepository repository) {
    this.customers = customers;
    this.repository = repository;
  }

  @Override
  public String name() {
    return "tasks";
  }

  @Override
  public int order() {
    return 31;
  }

  @Override
  public void contribute(DemoContext context) {
    Random random = context.random();
    Instant now = clock.instant();
    int created = 0;
    for (int offset = 0; offset < context.customers(); offset += BATCH) {
      context.job().checkCancelled();
      List<CustomerSummary> batch =
          customers.list(offset, Math.min(BATCH, context.customers() - offset));
      if (batch.isEmpty()) {
        break;
      }
      for (CustomerSummary customer : batch) {
        if (customer.ownerId() == null || random.nextInt(3) != 0) {
          continue;
        }
        repository.insert(task(random, customer, now));
        created++;
      }
    }
    context.job().message("tasks: " + created + " tasks");
  }

  private Task task(Random random, CustomerSummary customer, Instant now) {
    // due between five days ago and two weeks ahead, on the hour during office hours
    Instant due =
        now.plus(Duration.ofHours(random.nextInt(19 * 24) - 5 * 24L))
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    boolean done = due.isBefore(now) && random.nextInt(10) < 6;
    Instant createdAt = due.minus(Duration.ofDays(1 + random.nextInt(10)));
    return new Task(
        new TaskId(
            new UUID(
                random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)),
        customer.id(),
        TYPES[random.nextInt(TYPES.length)],
        customer.ownerId(),
        due,
        PRIORITIES[random.nextInt(PRIORITIES.length)],
        done ? TaskStatus.DONE : TaskStatus.OPEN,
        NOTES[random.nextInt(NOTES.length)],
        done ? RESULTS[random.nextInt(RESULTS.length)] : null,
        null,
        customer.ownerId(),
        createdAt,
        done ? customer.ownerId() : null,
        done ? due.plus(Duration.ofMinutes(random.nextInt(180))) : null,
        null,
        null,
        0);
  }
}
