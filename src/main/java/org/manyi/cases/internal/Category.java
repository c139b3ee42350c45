package org.manyi.cases.internal;

/**
 * One entry of the admin-editable case taxonomy.
 *
 * @param code stable machine name, such as {@code product_quality}
 * @param urgent safety or legal matters: assessing a case in it forces P1 and alerts a supervisor
 * @param active inactive categories stay on old cases but are not offered any more
 */
public record Category(
    String code, String nameZh, String nameEn, boolean urgent, boolean active, int position) {

  /** The name in the reader's language. */
  public String name(java.util.Locale locale) {
    return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
  }
}
