-- Behavioural clustering runs: k-means on standardised features, k chosen by silhouette. The
-- latest run's assignment per customer is kept; profiles of earlier runs stay for comparison.
CREATE TABLE cluster_run (
    id          UUID                     NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    as_of       DATE                     NOT NULL,
    k           INTEGER                  NOT NULL,
    silhouette  DOUBLE PRECISION         NOT NULL,
    customers   INTEGER                  NOT NULL,
    seed        BIGINT                   NOT NULL,
    min_k       INTEGER                  NOT NULL,
    max_k       INTEGER                  NOT NULL
);

-- The silhouette of every k tried in a run, so the choice can be checked.
CREATE TABLE cluster_run_k (
    run_id     UUID             NOT NULL REFERENCES cluster_run (id) ON DELETE CASCADE,
    k          INTEGER          NOT NULL,
    silhouette DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, k)
);

-- One cluster of a run: size, value, mean raw features and the traits that set it apart
-- (feature:direction[:label] joined by ';', rendered in the user's language).
CREATE TABLE cluster_profile (
    run_id        UUID             NOT NULL REFERENCES cluster_run (id) ON DELETE CASCADE,
    cluster_no    INTEGER          NOT NULL,
    customers     INTEGER          NOT NULL,
    revenue       NUMERIC(18, 2)   NOT NULL,
    recency_days  DOUBLE PRECISION NOT NULL,
    frequency     DOUBLE PRECISION NOT NULL,
    monetary      DOUBLE PRECISION NOT NULL,
    average_order DOUBLE PRECISION NOT NULL,
    tenure_days   DOUBLE PRECISION NOT NULL,
    satisfaction  DOUBLE PRECISION,
    top_category  VARCHAR(64),
    top_channel   VARCHAR(32),
    traits        VARCHAR(1000)    NOT NULL,
    PRIMARY KEY (run_id, cluster_no)
);

CREATE TABLE customer_cluster (
    customer_id UUID    NOT NULL PRIMARY KEY,
    run_id      UUID    NOT NULL,
    cluster_no  INTEGER NOT NULL
);
CREATE INDEX customer_cluster_by_cluster_idx ON customer_cluster (run_id, cluster_no);
