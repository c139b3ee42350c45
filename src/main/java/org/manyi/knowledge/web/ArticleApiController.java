package org.manyi.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.knowledge.ArticleId;
import org.manyi.knowledge.internal.Article;
import org.manyi.knowledge.internal.ArticleLanguage;
import org.manyi.knowledge.internal.ArticleStatus;
import org.manyi.knowledge.internal.ArticleText;
import org.manyi.knowledge.internal.KnowledgeBase;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge articles as JSON for staff: anyone who works cases may search and read them (drafts
 * too); writing, publishing and deleting need {@code KNOWLEDGE_MANAGE}.
 */
@RestController
@RequestMapping("/api/v1/kb")
@PreAuthorize("hasAnyAuthority('PERM_CASES_READ', 'PERM_KNOWLEDGE_MANAGE')")
@Tag(name = "Knowledge base", description = "Articles, publishing and search")
class ArticleApiController {

  static final int MAX_LIMIT = 50;

  private final KnowledgeBase kb;

  ArticleApiController(KnowledgeBase kb) {
    this.kb = kb;
  }

  record ArticleRequest(
      @Nullable String title,
      @Nullable String body,
      @Nullable String category,
      @Nullable String tags,
      @Nullable ArticleLanguage language) {

    ArticleText text() {
      return new ArticleText(title, body, category, tags, language);
    }
  }

  @GetMapping("/search")
  @Operation(
      summary =
          "Articles matching the words of q, best first (Chinese is segmented into words);"
              + " published ones unless status says otherwise")
  ArticleResource.Hits search(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable ArticleStatus status,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(defaultValue = "10") int limit) {
    if (q == null || q.isBlank()) {
      throw ProblemException.invalid("q", "kb.query.required");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "kb.limit.range", MAX_LIMIT);
    }
    var hits = status == null ? kb.search(q, language, limit) : kb.searchAll(q, status, limit);
    return new ArticleResource.Hits(q, hits.stream().map(ArticleResource.Hit::of).toList());
  }

  @GetMapping("/articles")
  @Operation(summary = "Articles, most recently changed first, paged")
  PageResult<ArticleResource> list(
      @RequestParam(required = false) @Nullable ArticleStatus status,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size) {
    return kb.list(status, category, PageRequest.of(page, size)).map(ArticleResource::of);
  }

  @GetMapping("/articles/{id}")
  ArticleResource get(@PathVariable UUID id) {
    return ArticleResource.of(kb.get(new ArticleId(id)));
  }

  @PostMapping("/articles")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  @Operation(summary = "Write a new article (201), as a draft")
  ResponseEntity<ArticleResource> create(@RequestBody ArticleRequest request, CurrentUser me) {
    Article a = kb.create(request.text(), me);
    return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + a.id()))
        .body(ArticleResource.of(a));
  }

  @PutMapping("/articles/{id}")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  ArticleResource update(@PathVariable UUID id, @RequestBody ArticleRequest request) {
    return ArticleResource.of(kb.update(new ArticleId(id), request.text()));
  }

  @PostMapping("/articles/{id}/publish")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  @Operation(summary = "Publish a draft; 409 when it is published already")
  ArticleResource publish(@PathVariable UUID id) {
    return ArticleResource.of(kb.publish(new ArticleId(id)));
  }

  @PostMapping("/articles/{id}/withdraw")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  @Operation(summary = "Take a published article back to draft; 409 when it is a draft")
  ArticleResource withdraw(@PathVariable UUID id) {
    return ArticleResource.of(kb.withdraw(new ArticleId(id)));
  }

  @DeleteMapping("/articles/{id}")
  @PreAuthorize("hasAuthority('PERM_KNOWLEDGE_MANAGE')")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    kb.delete(new ArticleId(id));
    return ResponseEntity.noContent().build();
  }
}
