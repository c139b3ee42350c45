package org.manyi.customers.internal;

import static org.manyi.platform.ImportField.optional;
import static org.manyi.platform.ImportField.required;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ColumnMapping;
import org.manyi.platform.ImportField;
import org.manyi.platform.ProblemException;
import org.manyi.platform.TabularFile;

/**
 * The columns a customer file may have and how their text becomes a {@link CustomerEdit}: Chinese
 * and English words for kinds, genders, sources and yes/no; dates as 2026-11-23, 2026/11/23,
 * 20261123 or 2026年11月23日; tags separated by commas, semicolons, 、 or |.
 */
final class CustomerImportFields {

  static final String NAME = "name";
  static final String PHONE = "phone";
  static final String EXTERNAL_ID = "externalId";
  static final String OWNER = "owner";

  /** Import fields of custom fields are named by this prefix and the field's key. */
  static final String CUSTOM = "cf.";

  static final List<ImportField> FIELDS =
      List.of(
          required(NAME, "姓名", "客户名称", "客户姓名", "名称", "客户", "customer name", "full name"),
          optional("kind", "类型", "客户类型", "个人或企业", "type", "customer type", "person or company"),
          optional("gender", "性别", "sex"),
          optional("birthday", "生日", "出生日期", "birth date", "date of birth", "dob"),
          optional("lunarBirthday", "农历生日", "过农历生日", "lunar birthday"),
          optional(PHONE, "手机", "手机号", "手机号码", "电话", "联系电话", "mobile", "phone number", "tel"),
          optional("email", "邮箱", "电子邮件", "电子邮箱", "邮件", "e-mail", "mail"),
          optional("province", "省", "省份", "state"),
          optional("city", "城市", "市"),
          optional("address", "地址", "详细地址", "street"),
          optional("source", "来源", "来源渠道", "渠道", "channel"),
          optional(
              EXTERNAL_ID,
              "外部编号",
              "外部ID",
              "会员号",
              "会员编号",
              "客户编号",
              "external id",
              "member id",
              "customer id"),
          optional("tags", "标签", "tag"),
          optional("notes", "备注", "说明", "note", "remark", "remarks"),
          optional(OWNER, "负责人", "负责人用户名", "客户经理", "归属", "account manager", "owner username"));

  private static final Map<String, CustomerKind> KINDS =
      Map.of(
          "个人", CustomerKind.PERSON,
          "person", CustomerKind.PERSON,
          "企业", CustomerKind.COMPANY,
          "公司", CustomerKind.COMPANY,
          "单位", CustomerKind.COMPANY,
          "company", CustomerKind.COMPANY,
          "organisation", CustomerKind.COMPANY,
          "organization", CustomerKind.COMPANY);

  private static final Map<String, Gender> GENDERS =
      Map.of(
          "男", Gender.MALE,
          "m", Gender.MALE,
          "male", Gender.MALE,
          "女", Gender.FEMALE,
          "f", Gender.FEMALE,
          "female", Gender.FEMALE,
          "未知", Gender.UNKNOWN,
          "未填写", Gender.UNKNOWN,
          "not given", Gender.UNKNOWN,
          "unknown", Gender.UNKNOWN);

  private static final Map<String, SourceChannel> SOURCES =
      Map.ofEntries(
          Map.entry("门店", SourceChannel.STORE),
          Map.entry("天猫", SourceChannel.TMALL),
          Map.entry("京东", SourceChannel.JD),
          Map.entry("jd.com", SourceChannel.JD),
          Map.entry("微信", SourceChannel.WECHAT),
          Map.entry("官网", SourceChannel.WEBSITE),
          Map.entry("网站", SourceChannel.WEBSITE),
          Map.entry("转介绍", SourceChannel.REFERRAL),
          Map.entry("推荐", SourceChannel.REFERRAL),
          Map.entry("其他", SourceChannel.OTHER),
          Map.entry("其它", SourceChannel.OTHER));

  private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "农历");
  private static final Set<String> NO = Set.of("否", "n", "no", "false", "0", "公历");

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

  private CustomerImportFields() {}

  /**
   * The edit a row asks for. Columns the mapping leaves out, and blank cells, change nothing.
   *
   * @throws ProblemException naming the field of the first value that cannot be read
   */
  static CustomerEdit edit(ColumnMapping mapping, TabularFile.Row row) {
    Map<String, Object> custom = new java.util.LinkedHashMap<>();
    for (String field : mapping.asHeadings().keySet()) {
      if (field.startsWith(CUSTOM)) {
        String value = mapping.value(row, field);
        if (value != null) {
          custom.put(field.substring(CUSTOM.length()), value);
        }
      }
    }
    return new CustomerEdit(
        choice("kind", mapping.value(row, "kind"), KINDS, CustomerKind.class),
        mapping.value(row, NAME),
        choice("gender", mapping.value(row, "gender"), GENDERS, Gender.class),
        date(mapping.value(row, "birthday")),
        yesNo(mapping.value(row, "lunarBirthday")),
        mapping.value(row, PHONE),
        null,
        mapping.value(row, "email"),
        null,
        mapping.value(row, "province"),
        mapping.value(row, "city"),
        mapping.value(row, "address"),
        choice("source", mapping.value(row, "source"), SOURCES, SourceChannel.class),
        mapping.value(row, EXTERNAL_ID),
        tags(mapping.value(row, "tags")),
        mapping.value(row, "notes"),
        null,
        null,
        null,
        null,
        null,
        custom.isEmpty() ? null : custom);
  }

  private static <E extends Enum<E>> @Nullable E choice(
      String field, @Nullable String value, Map<String, E> words, Class<E> type) {
    if (value == null) {
      return null;
    }
    String key = value.strip().toLowerCase(Locale.ROOT);
    E found = words.get(key);
    if (found != null) {
      return found;
    }
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equalsIgnoreCase(key))
        .findFirst()
        .orElseThrow(() -> ProblemException.invalid(field, "customer.import.choice", value));
  }

  private static @Nullable String date(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    if (text.length() > 10 && text.charAt(10) == 'T') {
      text = text.substring(0, 10); // a date-time cell of a spreadsheet
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(text, format).toString();
      } catch (DateTimeParseException e) {
        // try the next notation
      }
    }
    throw ProblemException.invalid("birthday", "customer.birthday.invalid");
  }

  private static @Nullable Boolean yesNo(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String key = value.strip().toLowerCase(Locale.ROOT);
    if (YES.contains(key)) {
      return true;
    }
    if (NO.contains(key)) {
      return false;
    }
    throw ProblemException.invalid("lunarBirthday", "customer.import.yesNo", value);
  }

  private static @Nullable Set<String> tags(@Nullable String value) {
    if (value == null) {
      return null;
    }
    return Arrays.stream(value.split("[,，;；、|]"))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
