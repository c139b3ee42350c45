package org.manyi.satisfaction.internal;

import java.util.List;
import org.manyi.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * 503: a PDF report needs a font with Chinese glyphs and the server has none. An administrator can
 * fix it (install fonts-noto-cjk or set {@code manyi.satisfaction.pdf-font}); the problem body
 * lists where the server looked.
 */
public class PdfFontMissingException extends ProblemException {

  PdfFontMissingException(List<String> lookedAt) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "pdf-font-missing",
        "satisfaction.pdf.noFont",
        new Object[0],
        List.of());
    with("lookedAt", lookedAt);
  }
}
