package org.manyi.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.CustomerId;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.Role;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Realistic customers of a Chinese retailer: common names, provinces and their cities, valid mobile
 * numbers, birthdays, sources, tags, consents, owned by the demo agents and managers. The same seed
 * gives the same customers; inserted in batches without events (no other module has data about them
 * yet).
 */
@Component
class CustomerDemoData implements DemoDataContributor {

  static final int BATCH = 500;

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
        "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋",
        "蔡",
    "欧阳", "司马"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂英", "欣怡", "子涵", "浩然", "宇轩", "梓萱", "思远", "雨桐", "一诺", "诗涵", "俊杰", "佳怡", "晨曦", "嘉怡",
    "建国", "国华", "文博", "心怡", "志强", "晓燕", "丹丹", "婷婷", "海燕", "春梅", "子轩", "梦琪", "雪", "琳", "鹏"
  };
  private static final String[] COMPANY_WORDS = {
    "华信", "鼎盛", "恒通", "金桥", "瑞丰", "宏达", "天成", "锦程", "博远", "新创", "汇智", "安泰"
  };
  private static final String[] COMPANY_TRADES = {"科技", "贸易", "商贸", "电子", "餐饮管理", "文化传媒"};
  private static final Map<String, String[]> PLACES =
      Map.ofEntries(
          Map.entry("上海市", new String[] {"上海市"}),
          Map.entry("北京市", new String[] {"北京市"}),
          Map.entry("广东省", new String[] {"广州市", "深圳市", "佛山市", "东莞市", "珠海市"}),
          Map.entry("浙江省", new String[] {"杭州市", "宁波市", "温州市", "绍兴市", "嘉兴市"}),
          Map.entry("江苏省", new String[] {"南京市", "苏州市", "无锡市", "常州市", "南通市"}),
          Map.entry("四川省", new String[] {"成都市", "绵阳市"}),
          Map.entry("湖北省", new String[] {"武汉市", "宜昌市"}),
          Map.entry("山东省", new String[] {"济南市", "青岛市", "烟台市"}),
          Map.entry("福建省", new String[] {"福州市", "厦门市", "泉州市"}),
          Map.entry("河南省", new String[] {"郑州市", "洛阳市"}),
          Map.entry("湖南省", new String[] {"长沙市"}),
          Map.entry("陕西省", new String[] {"西安市"}));
  private static final String[] PROVINCES =
      PLACES.keySet().stream().sorted().toArray(String[]::new);
  private static final String[] STREETS = {"人民路", "中山路", "解放路", "建设路", "南京路", "和平路", "长江路", "滨江大道"};
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "198", "199"
  };
  private static final String[] EMAIL_DOMAINS = {"qq.com", "163.com", "126.com", "outlook.com"};
  private static final String[] TAGS = {
    "VIP", "母婴", "美妆", "数码", "高净值", "价格敏感", "会员", "新品尝鲜", "老客户", "节日送礼"
  };

  /** Sources weighted as a retailer with strong online shops would see them. */
  private static final SourceChannel[] SOURCES = {
    SourceChannel.STORE, SourceChannel.STORE, SourceChannel.STORE, SourceChannel.TMALL,
    SourceChannel.TMALL, SourceChannel.JD, SourceChannel.JD, SourceChannel.WECHAT,
    SourceChannel.WECHAT, SourceChannel.WEBSITE, SourceChannel.REFERRAL, SourceChannel.OTHER
  };

  private static final LifecycleStage[] STAGES = {
    LifecycleStage.PROSPECT,
    LifecycleStage.PROSPECT,
    LifecycleStage.PROSPECT,
    LifecycleStage.PROSPECT,
    LifecycleStage.NEW,
    LifecycleStage.NEW,
    LifecycleStage.ACTIVE,
    LifecycleStage.ACTIVE,
    LifecycleStage.ACTIVE,
    LifecycleStage.DORMANT,
    LifecycleStage.LOST
  };

  private final Users users;
  private final CustomerManagement customers;
  private final Clock clock = Clock.systemUTC();

  CustomerDemoData(Users users, CustomerManagement customers) {
    this.users = users;
    this.customers = customers;
  }

  @Override
  public String name() {
    return "customers";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void contribute(DemoContext context) {
    List<UserSummary> owners = owners();
    if (owners.isEmpty()) {
      context.job().message("customers: no users to own customers, skipped");
      return;
    }
    Instant now = clock.instant();
    int total = context.customers();
    for (int done = 0; done < total; done += BATCH) {
      context.job().checkCancelled();
      customers.registerAll(generate(context.random(), Math.min(BATCH, total - done), owners, now));
    }
    context.job().message("customers: " + total + " customers");
  }

  /** Agents and managers own customers, as in a real sales organisation; anyone if none. */
  List<UserSummary> owners() {
    List<UserSummary> enabled = users.enabled();
    List<UserSummary> sales =
        enabled.stream()
            .filter(u -> u.roles().contains(Role.AGENT) || u.roles().contains(Role.MANAGER))
            .toList();
    return sales.isEmpty() ? enabled : sales;
  }

  List<Customer> generate(Random random, int count, List<UserSummary> owners, Instant now) {
    List<Customer> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(customer(random, owners, now));
    }
    return batch;
  }

  private Customer customer(Random random, List<UserSummary> owners, Instant now) {
    boolean company = random.nextInt(100) < 6;
    String province = pick(random, PROVINCES);
    String city = pick(random, PLACES.get(province));
    String name =
        company
            ? city.replace("市", "")
                + pick(random, COMPANY_WORDS)
                + pick(random, COMPANY_TRADES)
                + "有限公司"
            : pick(random, SURNAMES) + pick(random, GIVEN);
    Gender gender = company ? Gender.UNKNOWN : random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
    LocalDate birthday =
        company || random.nextInt(10) == 0
            ? null
            : LocalDate.of(1955, 1, 1).plusDays(random.nextInt(365 * 50));
    String phone = pick(random, MOBILE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000));
    List<String> phones = new ArrayList<>(List.of(phone));
    if (random.nextInt(10) == 0) {
      phones.add(pick(random, MOBILE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000)));
    }
    List<String> emails =
        random.nextInt(10) < 4
            ? List.of((10000 + random.nextInt(900_000_000)) + "@" + pick(random, EMAIL_DOMAINS))
            : List.of();
    Set<String> tags = new LinkedHashSet<>();
    for (int t = random.nextInt(4); t > 0; t--) {
      tags.add(pick(random, TAGS));
    }
    if (company) {
      tags.add("企业采购");
    }
    CustomerProfile profile =
        new CustomerProfile(
            company ? CustomerKind.COMPANY : CustomerKind.PERSON,
            name,
            gender,
            birthday,
            birthday != null && random.nextInt(100) < 15,
            phones,
            emails,
            province,
            city,
            pick(random, STREETS) + (1 + random.nextInt(999)) + "号",
            pick(random, SOURCES),
            random.nextInt(10) < 3 ? "TM" + (100_000_000L + random.nextInt(900_000_000)) : null,
            tags,
            null,
            null,
            company ? people(name) : List.of());
    UserSummary owner = owners.get(random.nextInt(owners.size()));
    Instant created = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 730)));
    Map<ConsentChannel, Consent> consents = new EnumMap<>(ConsentChannel.class);
    if (random.nextBoolean()) {
      consents.put(
          ConsentChannel.SMS,
          new Consent(
              ConsentChannel.SMS,
              true,
              created,
              random.nextBoolean() ? "门店登记" : "线上注册",
              "2026-01"));
    }
    if (!emails.isEmpty() && random.nextBoolean()) {
      consents.put(
          ConsentChannel.EMAIL,
          new Consent(ConsentChannel.EMAIL, true, created, "线上注册", "2026-01"));
    }
    return new Customer(
        new CustomerId(
            new UUID(
                random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)),
        profile,
        owner.id(),
        owner.teamId(),
        pick(random, STAGES),
        consents,
        created,
        owner.id(),
        created,
        owner.id());
  }

  private static final String[] TITLES = {"采购经理", "总经理", "行政主管", "财务总监"};
  private static final String[] ROLES = {"决策人", "采购", "使用者", "付款人"};

  /** One or two people at a company; from their own seed, so other demo values do not shift. */
  private static List<ContactPerson> people(String company) {
    Random random = new Random(company.hashCode());
    List<ContactPerson> people = new ArrayList<>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      people.add(
          new ContactPerson(
              pick(random, SURNAMES) + pick(random, GIVEN),
              pick(random, TITLES),
              pick(random, ROLES),
              pick(random, MOBILE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000)),
              null));
    }
    return people;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
