package org.manyi.knowledge.internal;

import java.time.Clock;
import java.util.List;
import org.manyi.identity.Role;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.knowledge.ArticleId;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A dozen answers to the questions a Chinese retailer's customers ask most, in Chinese and English,
 * published (two left as drafts), so the portal's search and the suggestions have something to
 * find.
 */
@Component
class KnowledgeDemoData implements DemoDataContributor {

  private record Entry(
      String title, String body, String category, String tags, ArticleLanguage l) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "如何申请退货退款",
              "签收后七天内，在“我的订单”中选择商品，点击“申请售后”，选择“退货退款”并填写原因。\n"
                  + "仓库签收退货后三个工作日内，货款原路退回；使用优惠券的订单按实付金额退款。",
              "售后",
              "退货, 退款, 七天无理由",
              ArticleLanguage.ZH),
          new Entry(
              "订单多久发货？物流信息不更新怎么办",
              "现货商品付款后 48 小时内发货。发货后物流信息可能延迟 12 小时更新；超过三天未更新，请在订单页点击“催促物流”，或在服务门户提交反馈并附订单号。",
              "配送物流",
              "发货, 物流, 快递",
              ArticleLanguage.ZH),
          new Entry(
              "收到的商品破损或少件",
              "请在签收 48 小时内拍照（外包装、面单和商品），在服务门户提交投诉并上传照片说明。我们核实后为您补发或退款，运费由我们承担。",
              "配送物流",
              "破损, 少件, 补发",
              ArticleLanguage.ZH),
          new Entry(
              "怎么开具电子发票",
              "订单完成后，在订单详情页点击“申请发票”，填写抬头和税号即可。电子发票会在三个工作日内发送到您的邮箱；抬头开错可申请重开一次。",
              "价格与账单",
              "发票, 开票, 税号",
              ArticleLanguage.ZH),
          new Entry(
              "下单后降价可以退差价吗",
              "自签收之日起七天内，同一商品在本店降价的，可申请价格保护，差价以优惠券或原路退回的方式补偿。秒杀、清仓商品除外。",
              "价格与账单",
              "降价, 差价, 价格保护",
              ArticleLanguage.ZH),
          new Entry(
              "家电保修政策与上门维修",
              "大家电整机保修一年，主要部件保修三年。保修期内出现质量问题可预约免费上门维修，在服务门户选择“售后申请”并写明故障现象。",
              "售后与维修",
              "保修, 维修, 上门",
              ArticleLanguage.ZH),
          new Entry(
              "会员积分怎么获得和兑换",
              "每消费 1 元得 1 积分，积分有效期两年。在 App “我的-积分”中可兑换优惠券和礼品，100 积分可抵 1 元。",
              "会员",
              "积分, 会员, 兑换",
              ArticleLanguage.ZH),
          new Entry(
              "App 付款失败怎么办",
              "请先检查网络并将 App 更新到最新版本；银行卡付款失败时可换用微信或支付宝。若已扣款但订单未支付，款项会在 24 小时内自动退回。",
              "应用与网站",
              "付款, 支付失败, App",
              ArticleLanguage.ZH),
          new Entry(
              "How do I return an item and get a refund?",
              "Within seven days of delivery, open My orders, choose the item and click After-sales,"
                  + " then Return and refund. The refund goes back to the original payment method"
                  + " within three working days after our warehouse receives the parcel.",
              "After-sales",
              "return, refund",
              ArticleLanguage.EN),
          new Entry(
              "Changing the delivery address",
              "You can change the delivery address of an order until it ships: open the order and"
                  + " click Change address. After shipping, contact us through the service portal.",
              "Delivery",
              "delivery, address",
              ArticleLanguage.EN),
          new Entry("以旧换新活动说明（草稿）", "活动规则待市场部确认。", "售后", "以旧换新", ArticleLanguage.ZH),
          new Entry(
              "Membership points (draft)",
              "Text to be translated from the Chinese article.",
              "Membership",
              "points",
              ArticleLanguage.EN));

  private final ArticleRepository articles;
  private final ArticleIndex index;
  private final Users users;
  private final Clock clock = Clock.systemUTC();

  KnowledgeDemoData(ArticleRepository articles, ArticleIndex index, Users users) {
    this.articles = articles;
    this.index = index;
    this.users = users;
  }

  @Override
  public String name() {
    return "knowledge";
  }

  @Override
  public int order() {
    return 45;
  }

  @Override
  public void contribute(DemoContext context) {
    UserSummary author =
        users.enabled().stream()
            .filter(u -> u.roles().contains(Role.ADMIN))
            .findFirst()
            .orElse(null);
    if (author == null) {
      return;
    }
    for (Entry e : ENTRIES) {
      Article a =
          Article.draft(
              ArticleId.random(),
              new ArticleText(e.title(), e.body(), e.category(), e.tags(), e.l()),
              author.id(),
              clock.instant());
      if (!e.title().contains("草稿") && !e.title().contains("draft")) {
        a.publish(clock.instant());
      }
      articles.insert(a);
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                index.put(a);
              }
            });
      } else {
        index.put(a);
      }
    }
    context.job().message("knowledge: " + ENTRIES.size() + " articles");
  }
}
