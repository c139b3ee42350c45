-- RFM runs and the latest scores per customer (a new run replaces them).
CREATE TABLE rfm_run (
    id            UUID                     NOT NULL PRIMARY KEY,
    as_of         DATE                     NOT NULL,
    window_months INTEGER                  NOT NULL,
    customers     INTEGER                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE rfm_score (
    customer_id  UUID           NOT NULL PRIMARY KEY,
    run_id       UUID           NOT NULL,
    recency_days INTEGER        NOT NULL,
    frequency    INTEGER        NOT NULL,
    monetary     NUMERIC(16, 2) NOT NULL,
    r            SMALLINT       NOT NULL,
    f            SMALLINT       NOT NULL,
    m            SMALLINT       NOT NULL,
    segment      VARCHAR(24)    NOT NULL
);
CREATE INDEX rfm_score_by_segment_idx ON rfm_score (segment);
