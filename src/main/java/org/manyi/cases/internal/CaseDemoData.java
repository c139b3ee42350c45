package org.manyi.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * A few hundred realistic cases of a Chinese retailer over the last two months, for the demo
 * customers, driven through the case's own transitions so every state, history entry and deadline
 * is consistent: most closed, the rest spread over the open states; a few safety cases. The same
 * seed gives the same cases (their times are relative to the moment of loading).
 */
@Component
class CaseDemoData implements DemoDataContributor {

  private record Story(CaseType type, String category, String description, String remedy) {}

  private static final List<Story> STORIES =
      List.of(
          new Story(CaseType.COMPLAINT, "product_quality", "收到的电饭煲内胆有明显划痕，用了两次涂层就开始脱落。", "换货"),
          new Story(CaseType.COMPLAINT, "product_quality", "新买的羽绒服拉链第一天就坏了，质量太差。", "退款"),
          new Story(CaseType.COMPLAINT, "product_quality", "榨汁机运转时声音很大，还有焦糊味。", "换货"),
          new Story(CaseType.COMPLAINT, "delivery", "订单付款五天了还没发货，物流信息一直不更新。", "尽快发货并说明原因"),
          new Story(CaseType.COMPLAINT, "delivery", "快递员没打电话就把包裹放在小区门口，包裹丢了。", "补发"),
          new Story(CaseType.COMPLAINT, "delivery", "收到的箱子外包装破损，里面的杯子碎了一个。", "补发或退款"),
          new Story(CaseType.COMPLAINT, "service_attitude", "门店店员态度冷淡，问尺码时很不耐烦。", "道歉"),
          new Story(CaseType.COMPLAINT, "service_attitude", "客服热线等了二十多分钟都没人接。", "说明原因"),
          new Story(CaseType.COMPLAINT, "price_billing", "下单第二天同款商品就降价了，要求退差价。", "退差价"),
          new Story(CaseType.COMPLAINT, "price_billing", "账单里多扣了一笔运费，订单写的是包邮。", "退还运费"),
          new Story(CaseType.COMPLAINT, "price_billing", "会员折扣在结算时没有生效。", "补偿差价"),
          new Story(CaseType.AFTER_SALES, "after_sales", "空气净化器在保修期内出现异响，申请上门维修。", "上门维修"),
          new Story(CaseType.AFTER_SALES, "after_sales", "退货申请提交一周了还没有人处理。", "尽快退款"),
          new Story(CaseType.AFTER_SALES, "after_sales", "洗衣机安装后漏水，需要师傅再来看看。", "上门维修"),
          new Story(CaseType.COMPLAINT, "app_website", "App 付款时一直提示网络错误，没法下单。", "修复问题"),
          new Story(CaseType.COMPLAINT, "app_website", "网站领的优惠券结算时用不了。", "补发优惠券"),
          new Story(CaseType.COMPLAINT, "safety", "充电宝充电时发烫冒烟，差点引起火灾。", "退款并检测"),
          new Story(CaseType.COMPLAINT, "safety", "儿童玩具的小零件很容易脱落，孩子可能误吞。", "召回说明"),
          new Story(CaseType.COMPLAINT, "legal", "商品宣传用了“全网最低价”，实际并不是，涉嫌虚假宣传。", "解释并整改"),
          new Story(CaseType.SUGGESTION, "app_website", "希望 App 增加电子发票下载功能。", ""),
          new Story(CaseType.SUGGESTION, "service_attitude", "建议门店周末延长营业时间到晚上十点。", ""),
          new Story(CaseType.SUGGESTION, "other", "希望会员积分可以兑换更多种类的商品。", ""),
          new Story(CaseType.INQUIRY, "other", "请问会员积分怎么兑换？有效期多久？", ""),
          new Story(CaseType.INQUIRY, "after_sales", "请问这款冰箱支持以旧换新吗？", ""),
          new Story(CaseType.INQUIRY, "delivery", "请问偏远地区能不能送货上门？", ""),
          new Story(CaseType.PRAISE, "delivery", "快递小哥服务特别好，送货上门还帮忙搬上楼。", ""),
          new Story(CaseType.PRAISE, "service_attitude", "客服耐心解答了我的问题，非常满意。", ""));

  private static final String[] CONTACTS = {"王女士", "李先生", "张女士", "刘先生", "陈小姐", "赵先生"};
  private static final String[] ROOT_CAUSES = {
    "supplier_defect", "packaging", "carrier_delay", "staff_training", "pricing_rule", "system_bug"
  };
  private static final String[] ANSWERS = {
    "非常抱歉给您带来不便，我们已为您安排处理。", "已核实情况，按您的要求为您办理。", "感谢您的反馈，问题已转交相关部门改进。"
  };

  private final CaseManagement management;
  private final CaseCategories categories;
  private final Customers customers;
  private final Users users;
  private final Clock clock = Clock.systemUTC();

  CaseDemoData(
      CaseManagement management, CaseCategories categories, Customers customers, Users users) {
    this.management = management;
    this.categories = categories;
    this.customers = customers;
    this.users = users;
  }

  @Override
  public String name() {
    return "cases";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public void contribute(DemoContext context) {
    List<UserSummary> staff =
        users.enabled().stream()
            .filter(u -> u.teamId() != null)
            .filter(u -> u.roles().contains(Role.AGENT) || u.roles().contains(Role.MANAGER))
            .toList();
    List<CustomerSummary> known = customers.list(0, Math.min(2000, context.customers()));
    if (staff.isEmpty() || known.isEmpty()) {
      context.job().message("cases: no staff in teams or no customers, skipped");
      return;
    }
    Map<TeamId, List<UserSummary>> teams =
        staff.stream().collect(Collectors.groupingBy(u -> Objects.requireNonNull(u.teamId())));
    Random random = context.random();
    Instant now = clock.instant();
    int total = Math.min(300, Math.max(30, context.customers() / 4));
    context.job().total(total);
    for (int i = 0; i < total; i++) {
      context.job().checkCancelled();
      one(random, now, known, staff, teams);
      context.job().processed(i + 1);
    }
    context.job().message("cases: " + total + " cases");
  }

  private void one(
      Random random,
      Instant now,
      List<CustomerSummary> known,
      List<UserSummary> staff,
      Map<TeamId, List<UserSummary>> teams) {
    SlaPolicy settings = management.policy();
    Story story = STORIES.get(random.nextInt(STORIES.size()));
    boolean identified = random.nextInt(10) < 8;
    CustomerSummary customer = known.get(random.nextInt(known.size()));
    UserSummary agent = staff.get(random.nextInt(staff.size()));
    if (identified && customer.ownerId() != null) {
      agent =
          staff.stream().filter(u -> u.id().equals(customer.ownerId())).findFirst().orElse(agent);
    }
    TeamId team = Objects.requireNonNull(agent.teamId());
    CaseChannel channel = CaseChannel.values()[random.nextInt(CaseChannel.values().length)];
    Instant t = now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 60)));
    NewCase data =
        new NewCase(
            story.type(),
            channel == CaseChannel.SURVEY ? CaseChannel.PHONE : channel,
            identified ? customer.id() : null,
            identified ? null : CONTACTS[random.nextInt(CONTACTS.length)],
            identified ? null : "1380013" + "%04d".formatted(random.nextInt(10_000)),
            null,
            story.description(),
            story.remedy().isEmpty() ? null : story.remedy());
    Case c = management.open(data, agent.id(), t, null);
    int depth = random.nextInt(100);
    // each later step happens only if it is already in the past
    t = t.plus(Duration.ofMinutes(10 + random.nextInt(180)));
    if (depth < 8 || t.isAfter(now)) {
      return;
    }
    c.acknowledge(agent.id(), t, "您好，已收到您的反馈，案件编号 " + c.number() + "。");
    t = t.plus(Duration.ofMinutes(20 + random.nextInt(300)));
    if (depth < 16 || t.isAfter(now)) {
      management.save(c);
      return;
    }
    Category category = categories.find(story.category()).orElseThrow();
    Level severity = Level.values()[random.nextInt(3)];
    Level urgency = Level.values()[random.nextInt(3)];
    c.assess(agent.id(), t, category, severity, urgency, settings);
    t = t.plus(Duration.ofMinutes(5 + random.nextInt(120)));
    if (depth < 24 || t.isAfter(now)) {
      management.save(c);
      return;
    }
    List<UserSummary> members = teams.get(team);
    UserSummary assignee = members.get(random.nextInt(members.size()));
    c.assign(agent.id(), t, team, assignee.id(), null);
    t = t.plus(Duration.ofMinutes(60 + random.nextInt(60 * 30)));
    if (depth < 38 || t.isAfter(now)) {
      if (depth % 7 == 0) {
        c.addNote(assignee.id(), t.isAfter(now) ? now : t, "已联系仓库核实，等待回复。", Visibility.INTERNAL);
      }
      management.save(c);
      return;
    }
    Remedy remedy = Remedy.values()[random.nextInt(Remedy.values().length)];
    c.respond(assignee.id(), t, remedy, ANSWERS[random.nextInt(ANSWERS.length)]);
    t = t.plus(Duration.ofMinutes(30 + random.nextInt(60 * 48)));
    if (depth < 50 || t.isAfter(now)) {
      management.save(c);
      return;
    }
    int r = random.nextInt(10);
    Reaction reaction = r < 7 ? Reaction.ACCEPTED : r < 9 ? Reaction.NO_REPLY : Reaction.REJECTED;
    c.recordReaction(assignee.id(), t, reaction, null, settings);
    if (reaction == Reaction.REJECTED) {
      management.save(c);
      return;
    }
    t = t.plus(Duration.ofMinutes(10 + random.nextInt(240)));
    if (t.isAfter(now)) {
      management.save(c);
      return;
    }
    c.close(
        assignee.id(),
        t,
        story.type() == CaseType.COMPLAINT ? ROOT_CAUSES[random.nextInt(ROOT_CAUSES.length)] : null,
        story.type() == CaseType.COMPLAINT ? "加强来货检验与员工培训" : null);
    t = t.plus(Duration.ofDays(1 + random.nextInt(5)));
    if (depth >= 96 && t.isBefore(now)) {
      c.reopen(agent.id(), t, "客户再次来电，问题仍未解决", settings);
    }
    management.save(c);
  }
}
