-- Churn early warnings: one open warning per customer at a time, closed when the reasons are gone.
CREATE TABLE churn_warning (
    id              UUID                     NOT NULL PRIMARY KEY,
    customer_id     UUID                     NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    reasons         VARCHAR(255)             NOT NULL,
    value_at_risk   NUMERIC(16, 2)           NOT NULL,
    previous_spend  NUMERIC(16, 2)           NOT NULL,
    last_spend      NUMERIC(16, 2)           NOT NULL,
    days_since_last INTEGER                  NOT NULL,
    usual_interval  INTEGER,
    as_of           DATE                     NOT NULL
);
CREATE INDEX churn_warning_open_idx ON churn_warning (customer_id, closed_at);
CREATE INDEX churn_warning_risk_idx ON churn_warning (closed_at, value_at_risk);

-- The days the warning run ran, so several instances run it once a day.
CREATE TABLE churn_warning_day (
    run_date DATE NOT NULL PRIMARY KEY
);
