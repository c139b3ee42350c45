package org.manyi.surveys.web;

import java.io.IOException;
import java.util.UUID;
import org.manyi.platform.ProblemException;
import org.manyi.surveys.SurveyId;
import org.manyi.surveys.internal.ResponseImport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Uploads of historical responses from the survey page. */
@Controller
@PreAuthorize("hasAuthority('PERM_SURVEYS_MANAGE')")
class ResponseImportController {

  private final ResponseImport imports;

  ResponseImportController(ResponseImport imports) {
    this.imports = imports;
  }

  @PostMapping("/surveys/{id}/import")
  String page(
      @PathVariable UUID id,
      @RequestParam MultipartFile file,
      Authentication who,
      RedirectAttributes flash)
      throws IOException {
    try {
      return "redirect:/jobs/" + imports.start(new SurveyId(id), stream(file), who.getName());
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "flashError", e.firstField() == null ? e.code() : e.firstField().code());
      return "redirect:/surveys/" + id;
    }
  }

  static java.io.InputStream stream(MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw ProblemException.invalid("file", "import.empty");
    }
    return file.getInputStream();
  }
}
