-- What was known of the customer when the answer came in (city, stage, owner, value tier, main
-- product category, total spend), so breakdowns and value weights describe the customer as they
-- were then and the rollups never read other modules' tables. Anonymous answers leave them empty.
ALTER TABLE survey_response ADD COLUMN city VARCHAR(32);
ALTER TABLE survey_response ADD COLUMN stage VARCHAR(16);
ALTER TABLE survey_response ADD COLUMN owner_id UUID;
ALTER TABLE survey_response ADD COLUMN value_tier VARCHAR(16);
ALTER TABLE survey_response ADD COLUMN category VARCHAR(64);
ALTER TABLE survey_response ADD COLUMN spend NUMERIC(14, 2);
-- Responses not yet counted in the daily rollup; metrics add them from the raw answers until the
-- next rollup run.
ALTER TABLE survey_response ADD COLUMN rolled_up BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX survey_response_pending_idx ON survey_response (rolled_up);

-- Daily counts of each score per survey, question type and one breakdown dimension (NONE, CHANNEL,
-- CITY, STAGE, OWNER, VALUE_TIER, CATEGORY): every metric is a sum over these rows, so a metrics
-- request never scans the raw answers. weight_sum and weight_sq_sum are the sums of the value
-- weights (the customer's spend) and of their squares, for weighted figures and Kish's n_eff.
CREATE TABLE survey_score_daily (
    question_type VARCHAR(16)      NOT NULL,
    dimension     VARCHAR(16)      NOT NULL,
    answer_day    DATE             NOT NULL,
    survey_id     UUID             NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    group_value   VARCHAR(64)      NOT NULL,
    score         INTEGER          NOT NULL,
    answers       BIGINT           NOT NULL,
    weight_sum    DOUBLE PRECISION NOT NULL,
    weight_sq_sum DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (question_type, dimension, answer_day, survey_id, group_value, score)
);
CREATE INDEX survey_score_daily_by_survey_idx
    ON survey_score_daily (survey_id, question_type, dimension, answer_day);

-- One row: rollup runs lock it, so two instances never add the same answers twice.
CREATE TABLE survey_rollup_lock (
    name VARCHAR(32) NOT NULL PRIMARY KEY
);
INSERT INTO survey_rollup_lock (name) VALUES ('daily');
