package org.manyi.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.manyi.text.internal.KeywordExtractor;
import org.manyi.text.internal.SentimentModel;
import org.manyi.text.internal.Sentiments;

/**
 * The shipped sentiment model and the keyword extractor on short texts outside the hotel domain it
 * was trained on (written for this test: deliveries, appliances, apps, service). A small sanity
 * check, not a measurement.
 */
class SentimentsTests {

  static final Sentiments SENTIMENTS = new Sentiments(Sentiments.load());

  static final List<String> POSITIVE =
      List.of(
          "快递很快，第二天就到了，包装也很好",
          "客服态度非常好，耐心解答了我的问题",
          "电饭煲质量不错，煮饭很香，推荐购买",
          "售后处理及时，换货很顺利，满意",
          "这个应用界面简洁，用起来很方便",
          "安装师傅很专业，准时上门，好评",
          "价格实惠，性价比很高，会再来买",
          "退款很快就到账了，服务很贴心",
          "The delivery was fast and the staff were very friendly",
          "Great product, works perfectly, thank you");
  static final List<String> NEGATIVE =
      List.of(
          "快递太慢了，等了一个星期还没到",
          "客服态度很差，问了半天也不解决",
          "用了两天就坏了，质量太差",
          "退款申请一直没人处理，非常失望",
          "这个应用老是闪退，根本没法用",
          "收到的商品有划痕，包装也破了",
          "安装师傅迟到两个小时还不道歉",
          "价格太贵了，而且和描述不符",
          "The parcel arrived broken and nobody answered my emails",
          "Terrible service, I am very disappointed");

  @Test
  void tellsPraiseFromComplaintsOutsideTheTrainingDomain() {
    SentimentModel.Evaluation e =
        SentimentModel.evaluate(
            t -> SENTIMENTS.of(t).positive() >= 0.5,
            java.util.stream.Stream.concat(
                    POSITIVE.stream().map(t -> new SentimentModel.Example(t, true)),
                    NEGATIVE.stream().map(t -> new SentimentModel.Example(t, false)))
                .toList());
    System.out.printf(
        Locale.ROOT,
        "Sentiment on %d hand-written service texts: balanced accuracy %.3f%n",
        e.total(),
        e.balancedAccuracy());
    assertThat(e.balancedAccuracy()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void labelsScoresAndNeutralText() {
    Sentiment bad = SENTIMENTS.of("服务太差了，非常失望");
    assertThat(bad.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(bad.score()).isBetween(0.6, 1.0);
    assertThat(bad.positive()).isLessThan(0.4);
    Sentiment good = SENTIMENTS.of("非常满意，下次还来");
    assertThat(good.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SENTIMENTS.of("").label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(SENTIMENTS.of("12345").label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(SENTIMENTS.of("The order number is 12345").label())
        .isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(SENTIMENTS.of("not good at all").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void keywordsAreSegmentedWordsWithoutStopWords() {
    KeywordExtractor extractor = new KeywordExtractor();
    assertThat(extractor.words("我们的快递一直没有送到，快递员电话也打不通"))
        .contains("快递")
        .doesNotContain("我们", "的", "，", "没有");
    List<Keyword> top =
        extractor.top(List.of("快递太慢了，快递员态度也差", "快递丢件了", "发票开错了", "The delivery was late"), 3);
    assertThat(top.get(0).term()).isEqualTo("快递");
    assertThat(top.get(0).documents()).isEqualTo(2);
    assertThat(extractor.words("The delivery was LATE again")).containsExactly("delivery", "late");
    extractor.destroy();
  }
}
