package org.manyi.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.knowledge.ArticleId;
import org.manyi.knowledge.KnowledgeSearch;
import org.manyi.knowledge.PublicArticle;
import org.manyi.platform.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Published articles for anyone, without signing in (the service portal's search). */
@RestController
@RequestMapping("/api/v1/public/kb")
@Tag(name = "Knowledge base (public)", description = "Published articles, no sign-in")
class PublicKnowledgeApiController {

  private final KnowledgeSearch kb;

  PublicKnowledgeApiController(KnowledgeSearch kb) {
    this.kb = kb;
  }

  record PublicResource(
      UUID id,
      String title,
      String body,
      String category,
      java.util.List<String> tags,
      String language,
      int helpfulYes,
      int helpfulNo,
      java.time.Instant updatedAt) {

    static PublicResource of(PublicArticle a) {
      return new PublicResource(
          a.id().value(),
          a.title(),
          a.body(),
          a.category(),
          a.tags(),
          a.language(),
          a.helpfulYes(),
          a.helpfulNo(),
          a.updatedAt());
    }
  }

  @GetMapping("/search")
  @Operation(summary = "Published articles matching the words of q, best first")
  ArticleResource.Hits search(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(defaultValue = "10") int limit) {
    if (q == null || q.isBlank()) {
      throw ProblemException.invalid("q", "kb.query.required");
    }
    if (limit < 1 || limit > ArticleApiController.MAX_LIMIT) {
      throw ProblemException.invalid("limit", "kb.limit.range", ArticleApiController.MAX_LIMIT);
    }
    return new ArticleResource.Hits(
        q, kb.search(q, language, limit).stream().map(ArticleResource.Hit::of).toList());
  }

  @GetMapping("/articles/{id}")
  PublicResource article(@PathVariable UUID id) {
    return kb.published(new ArticleId(id))
        .map(PublicResource::of)
        .orElseThrow(() -> ProblemException.notFound("kb.notFound"));
  }
}
