package org.manyi.value.internal;

import java.util.Locale;

/**
 * One reason of the defection taxonomy.
 *
 * @param winnable whether a win-back attempt makes sense for customers who left for this reason
 * @param active retired reasons stay for old records but are no longer offered
 */
public record DefectionReason(
    String code, String nameZh, String nameEn, boolean winnable, boolean active, int position) {

  /** The name in the user's language: Chinese for Chinese, English otherwise. */
  public String name(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
  }
}
