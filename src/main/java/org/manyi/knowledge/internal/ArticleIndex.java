package org.manyi.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.manyi.knowledge.ArticleHit;
import org.manyi.knowledge.ArticleId;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The in-memory Lucene index of all articles (drafts too, so editors find them). Chinese text is
 * segmented into words by SmartChineseAnalyzer, which also lower-cases and stems English, so one
 * analyzer serves both languages. Title words weigh more than tag words, which weigh more than body
 * words; ranking is BM25. Thread-safe: writes are serialised by Lucene, searches see the last
 * refresh.
 */
@Component
class ArticleIndex implements DisposableBean {

  static final int SNIPPET = 90;

  private final Analyzer analyzer = new SmartChineseAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  ArticleIndex() {
    try {
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces one article. */
  void put(Article a) {
    Document doc = new Document();
    doc.add(new StringField("id", a.id().toString(), Field.Store.YES));
    doc.add(new TextField("title", a.title(), Field.Store.YES));
    doc.add(new TextField("body", a.body(), Field.Store.YES));
    doc.add(new TextField("tags", String.join(" ", a.tags()), Field.Store.NO));
    doc.add(new TextField("categoryText", a.category(), Field.Store.NO));
    doc.add(new StringField("category", a.category(), Field.Store.YES));
    doc.add(new StringField("language", a.language().name(), Field.Store.YES));
    doc.add(new StringField("status", a.status().name(), Field.Store.YES));
    try {
      writer.updateDocument(new Term("id", a.id().toString()), doc);
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void remove(ArticleId id) {
    try {
      writer.deleteDocuments(new Term("id", id.toString()));
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clear() {
    try {
      writer.deleteAll();
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Articles matching any word of the query, best first.
   *
   * @param status only articles in this status, or any when absent
   * @param language articles in this language score higher; the others still match
   */
  List<ArticleHit> search(
      String text, @Nullable ArticleStatus status, @Nullable ArticleLanguage language, int limit) {
    List<String> words = words(text);
    if (words.isEmpty() || limit <= 0) {
      return List.of();
    }
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    for (String word : words) {
      match.add(boost(new TermQuery(new Term("title", word)), 3f), BooleanClause.Occur.SHOULD);
      match.add(boost(new TermQuery(new Term("tags", word)), 2f), BooleanClause.Occur.SHOULD);
      match.add(
          boost(new TermQuery(new Term("categoryText", word)), 1.5f), BooleanClause.Occur.SHOULD);
      match.add(new TermQuery(new Term("body", word)), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(match.build(), BooleanClause.Occur.MUST);
    if (status != null) {
      query.add(new TermQuery(new Term("status", status.name())), BooleanClause.Occur.FILTER);
    }
    if (language != null) {
      query.add(
          boost(new TermQuery(new Term("language", language.name())), 0.5f),
          BooleanClause.Occur.SHOULD);
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query.build(), limit);
        List<ArticleHit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
          Document doc = searcher.storedFields().document(sd.doc);
          hits.add(
              new ArticleHit(
                  new ArticleId(java.util.UUID.fromString(doc.get("id"))),
                  doc.get("title"),
                  snippet(doc.get("body"), words),
                  doc.get("category"),
                  doc.get("language"),
                  sd.score));
        }
        return hits;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The words the analyzer makes of a text, without repeats, in order. */
  List<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(words);
  }

  /** A passage around the first query word found in the body, or the body's beginning. */
  static String snippet(String body, List<String> words) {
    String flat = body.replaceAll("\\s+", " ").strip();
    String lower = flat.toLowerCase(Locale.ROOT);
    int at = -1;
    for (String word : words) {
      // stemmed English words may not occur as such; a shorter prefix usually does
      String probe = word.length() > 4 ? word.substring(0, word.length() - 1) : word;
      int i = lower.indexOf(probe);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
      }
    }
    int start = Math.max(0, at - SNIPPET / 3);
    int end = Math.min(flat.length(), start + SNIPPET);
    return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
  }

  private static Query boost(Query q, float by) {
    return new BoostQuery(q, by);
  }

  private void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  @Override
  public void destroy() throws IOException {
    searchers.close();
    writer.close();
    analyzer.close();
  }
}
