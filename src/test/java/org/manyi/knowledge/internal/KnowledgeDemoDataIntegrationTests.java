package org.manyi.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.manyi.IntegrationTest;
import org.manyi.knowledge.ArticleHit;
import org.manyi.platform.DemoContext;
import org.manyi.platform.JobContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class KnowledgeDemoDataIntegrationTests {

  @Autowired KnowledgeDemoData demo;
  @Autowired KnowledgeBase kb;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void publishedDemoArticlesAreFoundAfterCommitAndDraftsAreNot() {
    List<String> messages = new ArrayList<>();
    JobContext job =
        new JobContext() {
          @Override
          public void total(long total) {}

          @Override
          public void processed(long processed) {}

          @Override
          public void message(String message) {
            messages.add(message);
          }

          @Override
          public void result(Object result) {}

          @Override
          public boolean cancelRequested() {
            return false;
          }
        };
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(tx -> demo.contribute(new DemoContext(new Random(1), 100, job)));
    assertThat(messages).contains("knowledge: 12 articles");
    List<ArticleHit> hits = kb.search("快递三天没有物流信息", null, 5);
    assertThat(hits).extracting(ArticleHit::title).contains("订单多久发货？物流信息不更新怎么办");
    assertThat(kb.search("以旧换新", null, 5))
        .extracting(ArticleHit::title)
        .doesNotContain("以旧换新活动说明（草稿）");
    assertThat(kb.searchAll("以旧换新", ArticleStatus.DRAFT, 5))
        .extracting(ArticleHit::title)
        .contains("以旧换新活动说明（草稿）");
  }
}
