package org.manyi.surveys.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A text in both languages; either may be missing, the other is then shown. */
public record LocalizedText(
    @JsonProperty("zh-CN") @Nullable String zh, @JsonProperty("en") @Nullable String en) {

  public String in(Locale locale) {
    boolean english = "en".equals(locale.getLanguage());
    String preferred = english ? en : zh;
    String other = english ? zh : en;
    return preferred != null && !preferred.isBlank() ? preferred : other == null ? "" : other;
  }

  boolean blank() {
    return (zh == null || zh.isBlank()) && (en == null || en.isBlank());
  }
}
