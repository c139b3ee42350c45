package org.manyi.text.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.manyi.text.Keyword;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keywords by TF-IDF over words: Chinese segmented by SmartChineseAnalyzer's HMM tokenizer, English
 * lower-cased (not stemmed, so keywords stay readable); stop words, numbers, punctuation, single
 * Chinese characters and English words under three letters are left out.
 */
@Component
public class KeywordExtractor implements DisposableBean {

  static final String STOP_WORDS = "/text/stopwords.txt";

  private final Analyzer analyzer =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer tokenizer = new HMMChineseTokenizer();
          return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
      };
  private final Set<String> stopWords = loadStopWords();

  /** The words of a text that may be keywords, in order, with repeats. */
  public List<String> words(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String w = term.toString();
        if (candidate(w)) {
          words.add(w);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /** The top keywords of texts, with document frequencies counted in the texts themselves. */
  public List<Keyword> top(List<String> texts, int limit) {
    return top(texts, texts, limit);
  }

  /**
   * The top keywords of {@code texts}: term frequency in them times the inverse document frequency
   * in {@code background} (which should contain them), so words common everywhere sink.
   */
  public List<Keyword> top(List<String> texts, List<String> background, int limit) {
    Map<String, Integer> backgroundDf = new HashMap<>();
    for (String text : background) {
      new HashSet<>(words(text)).forEach(w -> backgroundDf.merge(w, 1, Integer::sum));
    }
    Map<String, Integer> tf = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (String text : texts) {
      List<String> words = words(text);
      words.forEach(w -> tf.merge(w, 1, Integer::sum));
      new HashSet<>(words).forEach(w -> df.merge(w, 1, Integer::sum));
    }
    int n = Math.max(background.size(), texts.size());
    return tf.entrySet().stream()
        .map(
            e -> {
              int d = Math.max(backgroundDf.getOrDefault(e.getKey(), 0), df.get(e.getKey()));
              double idf = Math.log((n + 1.0) / (d + 1.0)) + 1;
              return new Keyword(
                  e.getKey(), Math.round(e.getValue() * idf * 1000) / 1000.0, df.get(e.getKey()));
            })
        .sorted(Comparator.comparingDouble(Keyword::weight).reversed().thenComparing(Keyword::term))
        .limit(limit)
        .toList();
  }

  private boolean candidate(String w) {
    if (stopWords.contains(w)) {
      return false;
    }
    boolean han =
        w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    if (han) {
      return w.codePointCount(0, w.length()) >= 2;
    }
    return w.length() >= 3 && w.chars().allMatch(c -> Character.isLetter(c) || c == '\'');
  }

  private static Set<String> loadStopWords() {
    Set<String> words = new HashSet<>();
    try (InputStream in = KeywordExtractor.class.getResourceAsStream(STOP_WORDS)) {
      if (in == null) {
        throw new IllegalStateException(STOP_WORDS + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  @Override
  public void destroy() {
    analyzer.close();
  }
}
