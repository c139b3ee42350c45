package org.manyi.surveys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.internal.SurveyManagement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Responses from outside, without sign-in: the token in the link is the credential. */
@RestController
@Tag(name = "Public responses")
class PublicResponseApiController {

  /** A response: answers by question key (numbers, option values, lists, or row→score maps). */
  record ResponseRequest(@Nullable Map<String, Object> answers) {}

  /** The stored response. */
  record ResponseCreated(UUID responseId) {}

  private final SurveyManagement surveys;

  PublicResponseApiController(SurveyManagement surveys) {
    this.surveys = surveys;
  }

  @PostMapping("/api/v1/public/responses/{token}")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Submit a response through a survey link",
      description =
          "400 names the wrong answer (answers.<key>); 404 for an unknown link; 409 when the survey"
              + " is not open; 429 past the per-address limit of an anonymous link.")
  ResponseCreated answer(
      @PathVariable String token, @RequestBody ResponseRequest body, HttpServletRequest request) {
    if (body.answers() == null) {
      throw ProblemException.invalid("answers", "response.empty");
    }
    return new ResponseCreated(
        surveys.answer(
            token,
            body.answers(),
            SurveyManagement.Channel.API,
            request.getLocale().toLanguageTag(),
            request.getRemoteAddr()));
  }
}
