package org.manyi.cases.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin-editable taxonomy of case categories. Categories are deactivated, never deleted. */
@Service
public class CaseCategories {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,63}");

  private final JdbcClient jdbc;

  CaseCategories(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every category, active or not, in display order. */
  public List<Category> all() {
    return jdbc.sql(
            "SELECT code, name_zh, name_en, urgent, active, position FROM case_category ORDER BY"
                + " position, code")
        .query(
            (rs, n) ->
                new Category(
                    rs.getString("code"),
                    rs.getString("name_zh"),
                    rs.getString("name_en"),
                    rs.getBoolean("urgent"),
                    rs.getBoolean("active"),
                    rs.getInt("position")))
        .list();
  }

  /** The categories offered when assessing. */
  public List<Category> active() {
    return all().stream().filter(Category::active).toList();
  }

  public Optional<Category> find(String code) {
    return all().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The category's name in the reader's language, or the code when it is unknown. */
  public String name(@Nullable String code, Locale locale) {
    if (code == null) {
      return "—";
    }
    return find(code).map(c -> c.name(locale)).orElse(code);
  }

  /** Adds a category or changes an existing one of the same code. */
  @Transactional
  public Category save(
      @Nullable String code,
      @Nullable String nameZh,
      @Nullable String nameEn,
      boolean urgent,
      boolean active,
      @Nullable Integer position) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw ProblemException.invalid("code", "case.category.code.invalid");
    }
    if (nameZh == null || nameZh.isBlank() || nameZh.length() > 100) {
      throw ProblemException.invalid("nameZh", "case.category.name.required");
    }
    if (nameEn == null || nameEn.isBlank() || nameEn.length() > 100) {
      throw ProblemException.invalid("nameEn", "case.category.name.required");
    }
    Category category =
        new Category(
            code,
            nameZh.strip(),
            nameEn.strip(),
            urgent,
            active,
            position == null ? 100 : position);
    int updated =
        jdbc.sql(
                "UPDATE case_category SET name_zh = ?, name_en = ?, urgent = ?, active = ?,"
                    + " position = ? WHERE code = ?")
            .params(category.nameZh(), category.nameEn(), urgent, active, category.position(), code)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO case_category (code, name_zh, name_en, urgent, active, position) VALUES"
                  + " (?, ?, ?, ?, ?, ?)")
          .params(code, category.nameZh(), category.nameEn(), urgent, active, category.position())
          .update();
    }
    return category;
  }
}
