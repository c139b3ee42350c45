package org.manyi.surveys.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.surveys.CustomerSatisfaction;
import org.manyi.surveys.QuestionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class CustomerSatisfactionBook implements CustomerSatisfaction {

  private final JdbcClient jdbc;

  CustomerSatisfactionBook(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<CustomerId, Double> scores() {
    StringBuilder scaled = new StringBuilder("CASE a.question_type");
    for (QuestionType type :
        new QuestionType[] {QuestionType.NPS, QuestionType.CSAT, QuestionType.CES}) {
      scaled
          .append(" WHEN '")
          .append(type.name())
          .append("' THEN (a.score - ")
          .append(type.min())
          .append(") * 100.0 / ")
          .append(type.max() - type.min());
    }
    scaled.append(" END");
    Map<CustomerId, Double> scores = new HashMap<>();
    jdbc.sql(
            "SELECT r.customer_id, AVG("
                + scaled
                + ") AS score FROM survey_answer a JOIN survey_response r ON r.id = a.response_id"
                + " WHERE r.customer_id IS NOT NULL AND a.score IS NOT NULL AND a.question_type IN"
                + " ('NPS', 'CSAT', 'CES') GROUP BY r.customer_id")
        .query(
            rs -> {
              scores.put(
                  new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getDouble("score"));
            });
    return scores;
  }
}
