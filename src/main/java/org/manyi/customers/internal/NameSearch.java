package org.manyi.customers.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The search form of a name, stored beside it so that a plain {@code LIKE} finds a customer by
 * characters, full pinyin or pinyin initials: 张三 is stored as {@code 张三 zhangsan zs}. For a
 * character with several readings (曾 zeng/ceng) every reading is added, so either finds it.
 */
final class NameSearch {

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  static final int MAX_LENGTH = 600;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Readings by character: pinyin4j formats every reading on each call, which dominated the cost of
   * importing a million names; the set of Chinese characters in names is small.
   */
  private static final Map<Character, String[]> READINGS = new ConcurrentHashMap<>();

  private NameSearch() {}

  static String of(String name) {
    String lower = normalise(name);
    StringBuilder full = new StringBuilder();
    StringBuilder initials = new StringBuilder();
    StringBuilder alternatives = new StringBuilder();
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      String[] readings = readings(cp);
      if (readings.length == 0) {
        if (Character.isLetterOrDigit(cp)) {
          full.appendCodePoint(cp);
          initials.appendCodePoint(cp);
        }
        continue;
      }
      full.append(readings[0]);
      initials.append(readings[0].charAt(0));
      for (int r = 1; r < readings.length; r++) {
        alternatives.append(' ').append(readings[r]);
      }
    }
    String value = lower + " " + full + " " + initials + alternatives;
    return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
  }

  /** What a search term is compared with: lower case, no spaces (people type "zhang san"). */
  static String normaliseTerm(String term) {
    return normalise(term).replace(" ", "");
  }

  private static String normalise(String value) {
    return SPACES.matcher(value.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }

  private static String[] readings(int codePoint) {
    if (Character.charCount(codePoint) != 1) {
      return new String[0];
    }
    return READINGS.computeIfAbsent((char) codePoint, NameSearch::lookUp);
  }

  private static String[] lookUp(char c) {
    try {
      String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      return all == null
          ? new String[0]
          : java.util.Arrays.stream(all).distinct().toArray(String[]::new);
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
  }
}
