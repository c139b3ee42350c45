-- The same counts per calendar month (answer_month: its first day): NPS by month x city over
-- millions of answers reads some thousand rows instead of one per day. Kept with the daily rows by
-- every rollup run; filled here from the daily rows already there.
CREATE TABLE survey_score_monthly (
    question_type VARCHAR(16)      NOT NULL,
    dimension     VARCHAR(16)      NOT NULL,
    answer_month  DATE             NOT NULL,
    survey_id     UUID             NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    group_value   VARCHAR(64)      NOT NULL,
    score         INTEGER          NOT NULL,
    answers       BIGINT           NOT NULL,
    weight_sum    DOUBLE PRECISION NOT NULL,
    weight_sq_sum DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (question_type, dimension, answer_month, survey_id, group_value, score)
);
CREATE INDEX survey_score_monthly_by_survey_idx
    ON survey_score_monthly (survey_id, question_type, dimension, answer_month);

INSERT INTO survey_score_monthly (question_type, dimension, answer_month, survey_id, group_value,
                                  score, answers, weight_sum, weight_sq_sum)
SELECT question_type, dimension, CAST(DATE_TRUNC('MONTH', answer_day) AS DATE), survey_id,
       group_value, score, SUM(answers), SUM(weight_sum), SUM(weight_sq_sum)
FROM survey_score_daily
GROUP BY question_type, dimension, CAST(DATE_TRUNC('MONTH', answer_day) AS DATE), survey_id,
         group_value, score;
