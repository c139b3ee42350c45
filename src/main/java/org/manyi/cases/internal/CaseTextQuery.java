package org.manyi.cases.internal;

import static org.manyi.shared.Times.fromDb;
import static org.manyi.shared.Times.toDb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.cases.CaseId;
import org.manyi.cases.CaseText;
import org.manyi.cases.CaseTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseTexts} from {@code service_case}. */
@Component
class CaseTextQuery implements CaseTexts {

  private final JdbcClient jdbc;
  private final CaseCategories categories;

  CaseTextQuery(JdbcClient jdbc, CaseCategories categories) {
    this.jdbc = jdbc;
    this.categories = categories;
  }

  @Override
  @Transactional(readOnly = true)
  public List<CaseText> received(Instant from, Instant to, @Nullable String category, int limit) {
    List<Object> params = new ArrayList<>(List.of(toDb(from), toDb(to)));
    String where = "received_at >= ? AND received_at < ?";
    if (category != null && !category.isBlank()) {
      where += " AND category = ?";
      params.add(category);
    }
    params.add(limit);
    return jdbc.sql(
            "SELECT id, number, category, received_at, description FROM service_case WHERE "
                + where
                + " ORDER BY received_at DESC LIMIT ?")
        .params(params)
        .query(
            (rs, n) ->
                new CaseText(
                    new CaseId(rs.getObject("id", UUID.class)),
                    rs.getString("number"),
                    rs.getString("category"),
                    fromDb(rs.getObject("received_at", OffsetDateTime.class)),
                    rs.getString("description")))
        .list();
  }

  @Override
  public Map<String, String> categories(Locale locale) {
    Map<String, String> names = new LinkedHashMap<>();
    categories.all().forEach(c -> names.put(c.code(), categories.name(c.code(), locale)));
    return names;
  }
}
