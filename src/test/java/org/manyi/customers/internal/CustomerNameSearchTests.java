package org.manyi.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerNameSearchTests {

  @Test
  void storesCharactersFullPinyinAndInitials() {
    assertThat(NameSearch.of("张三")).isEqualTo("张三 zhangsan zs");
  }

  @Test
  void addsEveryReadingOfAPolyphonicCharacter() {
    String value = NameSearch.of("曾强");
    assertThat(value).contains("zeng").contains("ceng");
  }

  @Test
  void keepsLatinNamesSearchableWithoutSpaces() {
    assertThat(NameSearch.of("Li Na")).contains("li na").contains("lina");
    assertThat(NameSearch.normaliseTerm(" Zhang San ")).isEqualTo("zhangsan");
  }

  @Test
  void handlesMixedNamesAndDigits() {
    String value = NameSearch.of("杭州华信科技有限公司 A1");
    assertThat(value).contains("hangzhou").contains("hzhxkjyxgsa1");
  }

  @Test
  void tokensAreTheSuffixesOfCharactersPinyinFromASyllableAndInitials() {
    assertThat(NameSearch.tokens("张三"))
        .containsExactlyInAnyOrder("张三", "三", "zhangsan", "san", "zs", "s");
    // another reading of a polyphonic character is a token of its own
    assertThat(NameSearch.tokens("曾强")).contains("cengqiang", "qiang", "zeng", "cq");
    // Latin names lose their spaces like search terms do
    assertThat(NameSearch.tokens("Li Na")).contains("lina", "na");
  }

  @Test
  void aTermFoundInTheNameIsAPrefixOfAToken() {
    java.util.Set<String> tokens = NameSearch.tokens("杭州华信科技有限公司");
    for (String term : java.util.List.of("华信", "科技", "huaxin", "hzhx", "kj", "xinke")) {
      assertThat(tokens).as(term).anyMatch(t -> t.startsWith(NameSearch.normaliseTerm(term)));
    }
    assertThat(NameSearch.tokens("很长的名字".repeat(40))).hasSizeLessThanOrEqualTo(200);
    assertThat(NameSearch.tokens("很长的名字".repeat(40)))
        .allMatch(t -> t.length() <= NameSearch.MAX_TOKEN);
  }
}
