package org.manyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.manyi.text.Sentiment;
import org.manyi.text.internal.KeywordExtractor;
import org.manyi.text.internal.Sentiments;

/**
 * Issue 6's target: at least 2,000 short texts per second per core for sentiment. One thread over
 * 20,000 synthetic short complaints and reviews (30 to 80 characters, as in case descriptions);
 * keyword extraction is measured too.
 */
@Tag("benchmark")
class TextBenchmarks {

  private static final String[] PARTS = {
    "快递太慢了", "客服态度很好", "耳机左边没有声音", "退款一直没有到账", "包装破损严重", "安装师傅很专业",
    "价格比别家贵", "下次还会再来", "产品和描述不符", "物流信息三天没更新", "电话一直打不通", "服务非常贴心",
    "质量不错", "非常失望", "希望尽快处理", "发票抬头开错了"
  };

  static List<String> texts(int n) {
    SplittableRandom random = new SplittableRandom(6);
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder s = new StringBuilder();
      while (s.length() < 30 + random.nextInt(50)) {
        s.append(PARTS[random.nextInt(PARTS.length)]).append(random.nextBoolean() ? "，" : "。");
      }
      texts.add(s.toString());
    }
    return texts;
  }

  @Test
  void sentimentOfShortTextsOnOneThread() {
    Sentiments sentiments = new Sentiments(Sentiments.load());
    List<String> texts = texts(20_000);
    int[] negative = {0};
    Benchmark.Timing t =
        Benchmark.measure(
            "sentiment of 20,000 short texts, one thread",
            2,
            5,
            () -> {
              negative[0] = 0;
              for (String text : texts) {
                Sentiment s = sentiments.of(text);
                if (s.positive() < 0.5) {
                  negative[0]++;
                }
              }
            });
    double perSecond = texts.size() / (t.medianMs() / 1000);
    Benchmark.record("sentiment throughput, one thread", perSecond, "texts/s");
    assertThat(negative[0]).isBetween(1, texts.size() - 1);
  }

  @Test
  void keywordsOfShortTexts() {
    KeywordExtractor keywords = new KeywordExtractor();
    List<String> texts = texts(5_000);
    Benchmark.Timing t =
        Benchmark.measure(
            "keywords (top 20) of 5,000 short texts, one thread",
            1,
            3,
            () -> assertThat(keywords.top(texts, 20)).isNotEmpty());
    Benchmark.record(
        "keyword segmentation throughput, one thread",
        texts.size() / (t.medianMs() / 1000),
        "texts/s");
    keywords.destroy();
  }
}
