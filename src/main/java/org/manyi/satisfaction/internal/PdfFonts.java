package org.manyi.satisfaction.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds a font with Chinese glyphs for PDF reports. No font is shipped with Manyi (a CJK font is
 * 10–20 MB); the one configured in {@code manyi.satisfaction.pdf-font} is used, else the first of
 * the usual system locations that exists and has the glyphs. The font is embedded in every report,
 * subset to the characters used, so readers need no font of their own.
 */
@Component
public class PdfFonts {

  /**
   * Where Debian/Ubuntu (fonts-noto-cjk, fonts-wqy-*, fonts-arphic-*), macOS and Windows keep one.
   */
  static final List<String> SYSTEM_FONTS =
      List.of(
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/truetype/arphic/uming.ttc",
          "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
          "/System/Library/Fonts/PingFang.ttc",
          "/Library/Fonts/Arial Unicode.ttf",
          "C:/Windows/Fonts/msyh.ttc",
          "C:/Windows/Fonts/simsun.ttc");

  /** A character every Chinese font has; a font without it is no use here. */
  private static final char PROBE = '满';

  private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

  private final List<String> candidates;
  private volatile @Nullable BaseFont found;

  /**
   * @param configured a font file ({@code .ttf}, {@code .otf}, {@code .ttc}, optionally {@code
   *     file.ttc,N} for one face of a collection), tried first; blank for none
   * @param searchSystem whether to look at the usual system locations after it
   */
  PdfFonts(
      @Value("${manyi.satisfaction.pdf-font:}") String configured,
      @Value("${manyi.satisfaction.pdf-font-search-system:true}") boolean searchSystem) {
    List<String> list = new ArrayList<>();
    if (!configured.isBlank()) {
      list.add(configured.strip());
    }
    if (searchSystem) {
      list.addAll(SYSTEM_FONTS);
    }
    this.candidates = List.copyOf(list);
  }

  /** The places looked at, in order, for an error message an administrator can act on. */
  public List<String> candidates() {
    return candidates;
  }

  /**
   * The first candidate with Chinese glyphs. A font found is kept; when none is found the next call
   * looks again, so installing one takes effect without a restart.
   */
  public Optional<BaseFont> chinese() {
    BaseFont font = found;
    if (font == null) {
      synchronized (this) {
        font = found;
        if (font == null) {
          font = lookUp().orElse(null);
          found = font;
        }
      }
    }
    return Optional.ofNullable(font);
  }

  private Optional<BaseFont> lookUp() {
    for (String candidate : candidates) {
      // "file.ttc,2" names one face of a collection, as OpenPDF expects
      String file = candidate.replaceFirst(",\\d+$", "");
      if (!Files.isRegularFile(Path.of(file))) {
        continue;
      }
      try {
        String name = candidate.equals(file) ? face(file) : candidate;
        BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        if (font.charExists(PROBE)) {
          log.info("PDF reports use the font {}", name);
          return Optional.of(font);
        }
        log.warn("Font {} has no Chinese characters; not used for PDF reports", name);
      } catch (IOException | RuntimeException e) {
        log.warn("Font {} cannot be used for PDF reports: {}", candidate, e.getMessage());
      }
    }
    log.warn(
        "No font with Chinese characters found for PDF reports; install fonts-noto-cjk or set"
            + " manyi.satisfaction.pdf-font. Looked at {}",
        candidates);
    return Optional.empty();
  }

  /** A collection's simplified-Chinese face (Noto CJK holds JP, KR, SC, TC, HK), else its first. */
  private static String face(String file) throws DocumentException, IOException {
    if (!file.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
      return file;
    }
    String[] names = BaseFont.enumerateTTCNames(file);
    for (int i = 0; i < names.length; i++) {
      String name = names[i].toLowerCase(Locale.ROOT);
      if (name.contains("cjksc") || name.endsWith(" sc") || name.contains("microhei")) {
        return file + "," + i;
      }
    }
    return file + ",0";
  }
}
