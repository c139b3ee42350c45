package org.manyi.surveys.internal;

import static org.manyi.shared.Times.fromDb;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerTimelineSource;
import org.manyi.customers.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A customer's survey responses on the customer 360 timeline, with the scores they gave. */
@Component
class SurveyTimeline implements CustomerTimelineSource {

  private final JdbcClient jdbc;
  private final MessageSource messages;

  SurveyTimeline(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String type() {
    return "survey";
  }

  @Override
  public String label(Locale locale) {
    return messages.getMessage("nav.surveys", null, "Surveys", locale);
  }

  @Override
  public List<TimelineEntry> entries(CustomerId customer, Locale locale, int limit) {
    return jdbc.sql(
            "SELECT r.id, r.submitted_at, s.id AS survey_id, s.name, (SELECT MAX(a.score) FROM"
                + " survey_answer a WHERE a.response_id = r.id AND a.question_type = 'NPS') AS"
                + " nps, (SELECT MAX(a.score) FROM survey_answer a WHERE a.response_id = r.id AND"
                + " a.question_type = 'CSAT') AS csat FROM survey_response r JOIN survey s ON s.id ="
                + " r.survey_id WHERE r.customer_id = ? ORDER BY r.submitted_at DESC LIMIT ?")
        .params(customer.value(), limit)
        .query(
            (rs, row) -> {
              int nps = rs.getInt("nps");
              boolean hasNps = !rs.wasNull();
              int csat = rs.getInt("csat");
              boolean hasCsat = !rs.wasNull();
              String detail =
                  hasNps
                      ? messages.getMessage("survey.timeline.nps", new Object[] {nps}, locale)
                      : hasCsat
                          ? messages.getMessage("survey.timeline.csat", new Object[] {csat}, locale)
                          : null;
              return new TimelineEntry(
                  type(),
                  fromDb(rs.getObject("submitted_at", OffsetDateTime.class)),
                  messages.getMessage(
                      "survey.timeline.answered", new Object[] {rs.getString("name")}, locale),
                  detail,
                  "/surveys/" + rs.getObject("survey_id", UUID.class));
            })
        .list();
  }
}
