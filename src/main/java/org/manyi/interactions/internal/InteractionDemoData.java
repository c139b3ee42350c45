package org.manyi.interactions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.manyi.customers.CustomerFollowUps;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.interactions.Channel;
import org.manyi.interactions.Direction;
import org.manyi.interactions.InteractionId;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Conversations with the demo customers over the last half year: mostly phone and WeChat, during
 * shop hours, logged by each customer's owner, about the things a retailer's customers ask. The
 * same seed gives the same interactions; the newest one of each customer counts as its follow-up.
 */
@Component
class InteractionDemoData implements DemoDataContributor {

  static final int BATCH = 500;

  /** Channels weighted as a Chinese retailer's service desk sees them. */
  private static final Channel[] CHANNELS = {
    Channel.PHONE,
    Channel.PHONE,
    Channel.PHONE,
    Channel.PHONE,
    Channel.PHONE,
    Channel.PHONE,
    Channel.WECHAT,
    Channel.WECHAT,
    Channel.WECHAT,
    Channel.WECHAT,
    Channel.WECHAT,
    Channel.WECOM,
    Channel.WECOM,
    Channel.ONLINE_CHAT,
    Channel.ONLINE_CHAT,
    Channel.ONLINE_CHAT,
    Channel.VISIT,
    Channel.SMS,
    Channel.EMAIL,
    Channel.SOCIAL_MEDIA
  };

  private static final String[][] TOPICS = {
    {"咨询新品上市时间", "已告知预计下周到货"},
    {"查询物流进度", "已催促快递，承诺明天送达"},
    {"退换货申请", "已同意换货，寄出新件"},
    {"会员积分兑换", "已解释积分规则"},
    {"投诉配送延迟", "已致歉并补偿优惠券"},
    {"购后回访满意度", "客户表示满意"},
    {"双11活动咨询", "已发送活动链接"},
    {"发票开具", "电子发票已发送至邮箱"},
    {"产品使用指导", "已远程指导，问题解决"},
    {"生日关怀", "客户感谢，领取生日礼券"},
    {"企业采购报价", "已发送报价单，等待确认"},
    {"门店到访体验", "试用后有购买意向"}
  };

  private final Customers customers;
  private final InteractionRepository repository;
  private final CustomerFollowUps followUps;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  InteractionDemoData(
      Customers customers,
      InteractionRepository repository,
      CustomerFollowUps followUps,
      InteractionManagement management) {
    this.customers = customers;
    this.repository = repository;
    this.followUps = followUps;
    this.zone = management.zone();
  }

  @Override
  public String name() {
    return "interactions";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public void contribute(DemoContext context) {
    Random random = context.random();
    Instant now = clock.instant();
    int logged = 0;
    for (int offset = 0; offset < context.customers(); offset += BATCH) {
      context.job().checkCancelled();
      List<CustomerSummary> batch =
          customers.list(offset, Math.min(BATCH, context.customers() - offset));
      if (batch.isEmpty()) {
        break;
      }
      for (CustomerSummary customer : batch) {
        List<Interaction> interactions = generate(random, customer, now);
        interactions.forEach(repository::insert);
        interactions.stream()
            .max(Comparator.comparing(Interaction::occurredAt))
            .ifPresent(i -> followUps.followedUp(i.customer(), i.occurredAt()));
        logged += interactions.size();
      }
    }
    context.job().message("interactions: " + logged + " interactions");
  }

  List<Interaction> generate(Random random, CustomerSummary customer, Instant now) {
    List<Interaction> result = new ArrayList<>();
    if (customer.ownerId() == null) {
      return result;
    }
    // most customers were contacted once or twice, a few often, some never
    int count = new int[] {0, 1, 1, 2, 2, 3, 4, 6}[random.nextInt(8)];
    Instant earliest =
        customer.createdAt().isAfter(now.minus(Duration.ofDays(180)))
            ? customer.createdAt()
            : now.minus(Duration.ofDays(180));
    long span = Math.max(1, Duration.between(earliest, now).toMinutes());
    for (int i = 0; i < count; i++) {
      ZonedDateTime day =
          earliest.plus(Duration.ofMinutes((long) (random.nextDouble() * span))).atZone(zone);
      Instant at = day.withHour(9 + random.nextInt(12)).withMinute(random.nextInt(60)).toInstant();
      if (at.isAfter(now)) {
        at = now.minus(Duration.ofMinutes(1 + random.nextInt(120)));
      }
      Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
      String[] topic = TOPICS[random.nextInt(TOPICS.length)];
      Integer minutes =
          switch (channel) {
            case PHONE -> 1 + random.nextInt(15);
            case VISIT -> 20 + random.nextInt(60);
            case WECHAT, WECOM, ONLINE_CHAT -> 3 + random.nextInt(25);
            default -> null;
          };
      result.add(
          new Interaction(
              new InteractionId(
                  new UUID(
                      random.nextLong() & ~0xF000L | 0x4000L,
                      random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)),
              customer.id(),
              channel,
              random.nextInt(10) < 6 ? Direction.OUTBOUND : Direction.INBOUND,
              at,
              minutes,
              topic[0],
              null,
              topic[1],
              null,
              null,
              customer.ownerId(),
              at));
    }
    return result;
  }
}
