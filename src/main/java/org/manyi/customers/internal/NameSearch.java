package org.manyi.customers.internal;

import java.util.ArrayList;
import java.util.List;
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

  /** Longest token kept; longer search terms are cut to it (a prefix still narrows well). */
  static final int MAX_TOKEN = 64;

  /** Most tokens kept per name, so a very long company name cannot bloat the index. */
  private static final int MAX_TOKENS = 200;

  /**
   * The search tokens of a name: every suffix of its characters, of its full pinyin starting at a
   * syllable, and of its initials, plus the other readings of characters with several. A search
   * term found anywhere in the name (张三's 三), in the pinyin from a syllable on (san, zhangs) or in
   * the initials is then a prefix of a token, which an ordinary index answers on H2 and PostgreSQL
   * alike, instead of a scan for {@code LIKE '%term%'}.
   */
  static java.util.Set<String> tokens(String name) {
    String lower = normalise(name);
    List<String> chars = new ArrayList<>();
    List<String> syllables = new ArrayList<>();
    StringBuilder initials = new StringBuilder();
    java.util.Set<String> tokens = new java.util.LinkedHashSet<>();
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetterOrDigit(cp)) {
        continue;
      }
      String ch = new String(Character.toChars(cp));
      chars.add(ch);
      String[] readings = readings(cp);
      if (readings.length == 0) {
        syllables.add(ch);
        initials.append(ch);
        continue;
      }
      syllables.add(readings[0]);
      initials.append(readings[0].charAt(0));
      for (int r = 1; r < readings.length; r++) {
        tokens.add(readings[r]);
      }
    }
    addSuffixes(chars, tokens);
    addSuffixes(syllables, tokens);
    addSuffixes(initials.codePoints().mapToObj(Character::toString).toList(), tokens);
    if (tokens.size() <= MAX_TOKENS) {
      return tokens;
    }
    java.util.Set<String> kept = new java.util.LinkedHashSet<>();
    tokens.stream().limit(MAX_TOKENS).forEach(kept::add);
    return kept;
  }

  /** Adds the concatenation of {@code units} from each unit to the end, cut to the maximum. */
  private static void addSuffixes(List<String> units, java.util.Set<String> tokens) {
    for (int from = 0; from < units.size(); from++) {
      StringBuilder suffix = new StringBuilder();
      for (int k = from; k < units.size() && suffix.length() < MAX_TOKEN; k++) {
        suffix.append(units.get(k));
      }
      tokens.add(suffix.length() > MAX_TOKEN ? suffix.substring(0, MAX_TOKEN) : suffix.toString());
    }
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
