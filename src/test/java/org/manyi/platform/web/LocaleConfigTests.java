package org.manyi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class LocaleConfigTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "zh-CN,zh;q=0.9|zh_CN",
        "zh-TW|zh_CN",
        "en-US,en;q=0.9|en",
        "fr-FR,en;q=0.5|en",
        "de-DE|zh_CN",
        "'not a header;;'|zh_CN"
      })
  void choosesTheLanguageFromTheBrowser(String header, String expected) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Accept-Language", header);
    assertThat(LocaleConfig.fromBrowser(request))
        .isEqualTo(Locale.forLanguageTag(expected.replace('_', '-')));
  }

  @org.junit.jupiter.api.Test
  void defaultsToChineseWithoutAHeader() {
    assertThat(LocaleConfig.fromBrowser(new MockHttpServletRequest()))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }
}
