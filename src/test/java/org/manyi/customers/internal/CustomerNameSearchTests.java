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
}
