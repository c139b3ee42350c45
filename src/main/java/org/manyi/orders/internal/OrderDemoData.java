package org.manyi.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.orders.OrderId;
import org.manyi.orders.OrderStatus;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Three years of orders for the demo customers of a Chinese retailer: shopping festivals (618, 双11,
 * 双12) and the Spring Festival dip, log-normal order values, and buyers who behave differently
 * (loyal, regular, lapsing, one-off, never). The same seed gives the same orders. The orders are
 * written in batches without events (no module has reacted to them yet); then the purchase
 * summaries are built and the lifecycle stages derived.
 */
@Component
class OrderDemoData implements DemoDataContributor {

  static final int DAYS = 3 * 365;

  /** A product of the demo catalogue; prices vary a little around the list price. */
  record Product(String sku, String name, String category, BigDecimal price) {}

  static final List<Product> CATALOGUE =
      List.of(
          new Product("MZ-1001", "玻尿酸保湿面霜 50ml", "美妆护肤", new BigDecimal("289.00")),
          new Product("MZ-1002", "氨基酸洁面乳 120g", "美妆护肤", new BigDecimal("89.00")),
          new Product("MZ-1003", "小棕瓶精华 30ml", "美妆护肤", new BigDecimal("590.00")),
          new Product("MZ-1004", "丝绒哑光口红", "美妆护肤", new BigDecimal("320.00")),
          new Product("MY-2001", "婴儿纸尿裤 L 码 54 片", "母婴", new BigDecimal("139.00")),
          new Product("MY-2002", "有机婴儿米粉 225g", "母婴", new BigDecimal("68.00")),
          new Product("MY-2003", "儿童安全座椅", "母婴", new BigDecimal("1299.00")),
          new Product("SM-3001", "真无线降噪耳机", "数码家电", new BigDecimal("899.00")),
          new Product("SM-3002", "65W 氮化镓充电器", "数码家电", new BigDecimal("149.00")),
          new Product("SM-3003", "智能手表 GT", "数码家电", new BigDecimal("1488.00")),
          new Product("SM-3004", "破壁料理机", "数码家电", new BigDecimal("699.00")),
          new Product("FS-4001", "纯棉圆领 T 恤", "服饰鞋包", new BigDecimal("79.00")),
          new Product("FS-4002", "羽绒服 长款", "服饰鞋包", new BigDecimal("899.00")),
          new Product("FS-4003", "真皮通勤托特包", "服饰鞋包", new BigDecimal("1199.00")),
          new Product("FS-4004", "轻量跑步鞋", "服饰鞋包", new BigDecimal("459.00")),
          new Product("SP-5001", "每日坚果 30 袋", "食品生鲜", new BigDecimal("129.00")),
          new Product("SP-5002", "西湖龙井 250g", "食品生鲜", new BigDecimal("368.00")),
          new Product("SP-5003", "五常大米 5kg", "食品生鲜", new BigDecimal("79.90")),
          new Product("SP-5004", "月饼礼盒", "食品生鲜", new BigDecimal("198.00")),
          new Product("JJ-6001", "乳胶枕 一对", "家居日用", new BigDecimal("399.00")),
          new Product("JJ-6002", "四件套 纯棉", "家居日用", new BigDecimal("459.00")),
          new Product("JJ-6003", "香薰蜡烛礼盒", "家居日用", new BigDecimal("168.00")));

  private static final String[] CHANNELS = {"TMALL", "JD", "STORE", "WECHAT", "DOUYIN"};
  private static final Map<String, String[]> STORES =
      Map.of(
          "STORE", new String[] {"上海南京西路店", "北京三里屯店", "杭州湖滨店", "广州天河店", "成都春熙路店"},
          "TMALL", new String[] {"天猫旗舰店"},
          "JD", new String[] {"京东自营旗舰店"},
          "WECHAT", new String[] {"微信小程序商城"},
          "DOUYIN", new String[] {"抖音官方直播间"});

  /** Spring Festival (春节) dates: shops close and buyers visit family. */
  private static final List<LocalDate> SPRING_FESTIVALS =
      List.of(
          LocalDate.of(2023, 1, 22),
          LocalDate.of(2024, 2, 10),
          LocalDate.of(2025, 1, 29),
          LocalDate.of(2026, 2, 17),
          LocalDate.of(2027, 2, 6),
          LocalDate.of(2028, 1, 26),
          LocalDate.of(2029, 2, 13));

  /** How a demo customer buys. */
  enum Behaviour {
    /** Never bought. */
    NEVER,
    /** Bought once. */
    ONE_OFF,
    /** About every one to two months, for years. */
    LOYAL,
    /** A few times a year. */
    REGULAR,
    /** Bought for a while, then stopped. */
    LAPSING
  }

  private final Customers customers;
  private final OrderRepository orders;
  private final PurchaseSummaryBook summaries;
  private final StageDerivation stages;
  private final Clock clock = Clock.systemUTC();

  OrderDemoData(
      Customers customers,
      OrderRepository orders,
      PurchaseSummaryBook summaries,
      StageDerivation stages) {
    this.customers = customers;
    this.orders = orders;
    this.summaries = summaries;
    this.stages = stages;
  }

  @Override
  public String name() {
    return "orders";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public void contribute(DemoContext context) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(PurchaseSummaryBook.ZONE).toLocalDate();
    Random random = context.random();
    long total = customers.count();
    int placed = 0;
    List<CustomerId> buyers = new ArrayList<>();
    int[] seq = {0};
    for (int offset = 0; offset < total; offset += 500) {
      context.job().checkCancelled();
      List<Order> batch = new ArrayList<>();
      for (CustomerSummary c : customers.list(offset, 500)) {
        List<Order> bought = history(random, c.id(), today, now, seq);
        if (!bought.isEmpty()) {
          buyers.add(c.id());
        }
        batch.addAll(bought);
      }
      orders.insertAll(batch);
      placed += batch.size();
    }
    int withSummary = summaries.rebuildAll();
    int moved = stages.apply(buyers, now);
    context
        .job()
        .message(
            "orders: %d orders of %d customers, %d stages derived"
                .formatted(placed, withSummary, moved));
  }

  /** One customer's orders over the last three years, oldest first. */
  List<Order> history(Random random, CustomerId customer, LocalDate today, Instant now, int[] seq) {
    Behaviour behaviour = behaviour(random);
    if (behaviour == Behaviour.NEVER) {
      return List.of();
    }
    LocalDate first = today.minusDays(random.nextInt(DAYS));
    LocalDate last = today;
    double perDay =
        switch (behaviour) {
          case LOYAL -> 1.0 / (25 + random.nextInt(40));
          case REGULAR -> 1.0 / (90 + random.nextInt(90));
          case LAPSING -> 1.0 / (30 + random.nextInt(60));
          default -> 0;
        };
    if (behaviour == Behaviour.LAPSING) {
      // stopped somewhere between two months and two years ago
      last = today.minusDays(60 + random.nextInt(670));
      if (last.isBefore(first)) {
        first = last.minusDays(120 + random.nextInt(240));
      }
    }
    String preferred = CHANNELS[random.nextInt(CHANNELS.length)];
    // some buyers spend more per order than others
    double spender = Math.exp(random.nextGaussian() * 0.45);
    List<Order> bought = new ArrayList<>();
    if (behaviour == Behaviour.ONE_OFF) {
      bought.add(order(random, customer, first, preferred, spender, now, ++seq[0]));
      return bought;
    }
    bought.add(order(random, customer, first, preferred, spender, now, ++seq[0]));
    for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      if (random.nextDouble() < perDay * season(day)) {
        bought.add(order(random, customer, day, preferred, spender, now, ++seq[0]));
      }
    }
    return bought;
  }

  private static Behaviour behaviour(Random random) {
    int r = random.nextInt(100);
    return r < 18
        ? Behaviour.NEVER
        : r < 33
            ? Behaviour.ONE_OFF
            : r < 53 ? Behaviour.LOYAL : r < 78 ? Behaviour.REGULAR : Behaviour.LAPSING;
  }

  /** How much more (or less) people buy on this day than on an ordinary one. */
  static double season(LocalDate day) {
    MonthDay md = MonthDay.from(day);
    double weight = 1.0;
    if (md.equals(MonthDay.of(11, 11))) {
      weight = 12; // 双11
    } else if (!md.isBefore(MonthDay.of(10, 24)) && md.isBefore(MonthDay.of(11, 11))) {
      weight = 2.2; // 双11 pre-sales
    } else if (md.equals(MonthDay.of(6, 18))) {
      weight = 8; // 618
    } else if (!md.isBefore(MonthDay.of(6, 1)) && md.isBefore(MonthDay.of(6, 18))) {
      weight = 1.8;
    } else if (md.equals(MonthDay.of(12, 12))) {
      weight = 5; // 双12
    }
    for (LocalDate festival : SPRING_FESTIVALS) {
      long from = ChronoUnit.DAYS.between(festival, day);
      if (from >= -10 && from <= 7) {
        weight *= from < -3 ? 1.4 : 0.25; // gifts before, then the dip of the holiday
      }
    }
    return weight;
  }

  private static Order order(
      Random random,
      CustomerId customer,
      LocalDate day,
      String preferred,
      double spender,
      Instant now,
      int seq) {
    String channel =
        random.nextInt(100) < 75 ? preferred : CHANNELS[random.nextInt(CHANNELS.length)];
    String[] stores = STORES.get(channel);
    ZonedDateTime at =
        day.atTime(9 + random.nextInt(14), random.nextInt(60), random.nextInt(60))
            .atZone(PurchaseSummaryBook.ZONE);
    if (at.toInstant().isAfter(now)) {
      at = now.minus(Duration.ofMinutes(1 + random.nextInt(60))).atZone(PurchaseSummaryBook.ZONE);
    }
    // log-normal order value: lines of products around a target amount
    double target = Math.exp(5.3 + random.nextGaussian() * 0.8) * spender;
    List<OrderLine> lines = new ArrayList<>();
    BigDecimal gross = BigDecimal.ZERO;
    do {
      Product p = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
      int quantity = random.nextInt(100) < 80 ? 1 : 2 + random.nextInt(2);
      BigDecimal price =
          p.price()
              .multiply(BigDecimal.valueOf(0.85 + random.nextInt(16) / 100.0))
              .setScale(0, RoundingMode.HALF_UP)
              .subtract(new BigDecimal("0.10"))
              .max(new BigDecimal("9.90"))
              .setScale(2, RoundingMode.HALF_UP);
      lines.add(new OrderLine(p.sku(), p.name(), p.category(), quantity, price));
      gross = gross.add(price.multiply(BigDecimal.valueOf(quantity)));
    } while (gross.doubleValue() < target * 0.7 && lines.size() < 5);
    double season = season(day);
    BigDecimal discount =
        season > 1.5 && gross.compareTo(new BigDecimal("300")) >= 0
            ? gross
                .divideToIntegralValue(new BigDecimal("300"))
                .multiply(new BigDecimal("40"))
                .min(gross.multiply(new BigDecimal("0.3")))
                .setScale(2, RoundingMode.DOWN)
            : BigDecimal.ZERO.setScale(2);
    BigDecimal total = gross.subtract(discount);
    int fate = random.nextInt(100);
    List<Refund> refunds = new ArrayList<>();
    OrderStatus status = OrderStatus.PAID;
    Instant refundAt = at.toInstant().plus(Duration.ofDays(2 + random.nextInt(10)));
    if (refundAt.isAfter(now)) {
      refundAt = now;
    }
    if (fate < 3) {
      status = OrderStatus.CANCELLED;
    } else if (fate < 6) {
      refunds.add(new Refund(refundAt, total, "七天无理由退货"));
      status = OrderStatus.REFUNDED;
    } else if (fate < 10 && total.compareTo(BigDecimal.TEN) > 0) {
      BigDecimal part =
          total
              .multiply(BigDecimal.valueOf(0.1 + random.nextInt(50) / 100.0))
              .setScale(2, RoundingMode.DOWN);
      refunds.add(new Refund(refundAt, part, "部分商品退款"));
      status = OrderStatus.PARTIALLY_REFUNDED;
    }
    // unique by the running number, realistic in shape per channel
    String external =
        switch (channel) {
          case "TMALL" -> "TM" + (3_000_000_000_000L + seq * 1000L + random.nextInt(1000));
          case "JD" -> "JD" + (200_000_000_000L + seq * 100L + random.nextInt(100));
          case "DOUYIN" -> "DY" + (600_000_000_000L + seq * 100L + random.nextInt(100));
          case "WECHAT" -> "WX" + day.toString().replace("-", "") + "%09d".formatted(seq);
          default -> "POS" + day.toString().replace("-", "") + "%09d".formatted(seq);
        };
    return new Order(
        new OrderId(
            new UUID(
                random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)),
        channel,
        external,
        customer,
        stores[random.nextInt(stores.length)],
        at.toInstant(),
        "CNY",
        lines,
        discount,
        total,
        refunds,
        status,
        at.toInstant(),
        at.toInstant());
  }
}
