package org.manyi.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.manyi.text.internal.SentimentModel;

/**
 * Makes the shipped Chinese sentiment model from labelled reviews (weights only, never the
 * reviews):
 *
 * <pre>
 * ./mvnw -q test -Dtest=SentimentTrainingTests \
 *   -Dmanyi.sentiment.train-to=src/main/resources/text/sentiment-zh.tsv.gz [-Dmanyi.sentiment.csv=FILE]
 * </pre>
 *
 * Without {@code manyi.sentiment.train-to} the training is skipped.
 */
class SentimentTrainingTests {

  static final int EPOCHS = 8;
  static final int MIN_DOCUMENTS = 2;
  static final double L2 = 1e-5;
  static final long SEED = 7L;

  @Test
  void trainsAndWritesTheModel() throws Exception {
    String target = System.getProperty("manyi.sentiment.train-to");
    assumeTrue(
        target != null && !target.isBlank(),
        "set -Dmanyi.sentiment.train-to=FILE to train the sentiment model");
    List<SentimentModel.Example> examples = SentimentData.read(SentimentData.file());
    SentimentModel model = SentimentModel.train(examples, SEED, EPOCHS, MIN_DOCUMENTS, L2);
    try (OutputStream out = Files.newOutputStream(Path.of(target))) {
      model.write(out);
    }
    System.out.printf("Sentiment model: %d weights written to %s%n", model.size(), target);
    assertThat(Files.size(Path.of(target))).isPositive();
  }

  @Test
  void aModelSurvivesWritingAndReading() throws Exception {
    List<SentimentModel.Example> examples =
        List.of(
            new SentimentModel.Example("服务很好，非常满意", true),
            new SentimentModel.Example("房间干净，服务很好", true),
            new SentimentModel.Example("太差了，非常失望", false),
            new SentimentModel.Example("服务太差，房间很脏", false));
    SentimentModel model = SentimentModel.train(examples, 1, 30, 1, 0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    SentimentModel read = SentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(read.size()).isEqualTo(model.size());
    assertThat(read.positive("非常满意")).isGreaterThan(0.5);
    assertThat(read.positive("非常失望")).isLessThan(0.5);
    assertThat(Math.abs(read.positive("太差了") - model.positive("太差了"))).isLessThan(1e-3);
  }
}
