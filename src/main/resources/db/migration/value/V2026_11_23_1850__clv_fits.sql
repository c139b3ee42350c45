-- Customer-lifetime-value fits (purchase model, spend model and churn risk model as of a
-- calibration end) and the scores of every customer under the newest fit.
CREATE TABLE clv_fit (
    id              UUID                     NOT NULL PRIMARY KEY,
    calibration_end DATE                     NOT NULL,
    time_unit       VARCHAR(8)               NOT NULL,
    model           VARCHAR(16)              NOT NULL,
    spend_model     VARCHAR(16)              NOT NULL,
    horizon         INTEGER                  NOT NULL,
    discount_rate   DOUBLE PRECISION         NOT NULL,
    customers       INTEGER                  NOT NULL,
    log_likelihood  DOUBLE PRECISION         NOT NULL,
    fitted          TEXT                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)              NOT NULL
);
CREATE INDEX clv_fit_by_date_idx ON clv_fit (calibration_end, created_at);

CREATE TABLE clv_score (
    customer_id        UUID             NOT NULL PRIMARY KEY,
    fit_id             UUID             NOT NULL,
    p_alive            DOUBLE PRECISION NOT NULL,
    expected_purchases DOUBLE PRECISION NOT NULL,
    expected_value     DOUBLE PRECISION NOT NULL,
    clv                DOUBLE PRECISION NOT NULL,
    churn_risk         DOUBLE PRECISION NOT NULL
);
CREATE INDEX clv_score_by_value_idx ON clv_score (clv);
CREATE INDEX clv_score_by_risk_idx ON clv_score (churn_risk);
