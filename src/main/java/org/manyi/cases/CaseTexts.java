package org.manyi.cases;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Read access to what customers wrote in cases, for text analytics (aggregates only). */
public interface CaseTexts {

  /**
   * Cases received from {@code from} (inclusive) until {@code to} (exclusive), newest first, at
   * most {@code limit}.
   *
   * @param category only this category code, or all when absent
   */
  List<CaseText> received(Instant from, Instant to, @Nullable String category, int limit);

  /** Category codes to names in the given language, in the taxonomy's order. */
  Map<String, String> categories(Locale locale);
}
