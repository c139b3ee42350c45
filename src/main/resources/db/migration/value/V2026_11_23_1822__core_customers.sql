-- The rules that make a customer a core customer (one row); an absent threshold does not apply.
CREATE TABLE core_customer_rules (
    id                   INTEGER                  NOT NULL PRIMARY KEY,
    tag                  VARCHAR(32)              NOT NULL,
    top_value_share      DOUBLE PRECISION,
    min_spend            NUMERIC(16, 2),
    min_purchases        INTEGER,
    min_tenure_days      INTEGER,
    max_service_contacts INTEGER,
    exclude_warned       BOOLEAN                  NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE
);
INSERT INTO core_customer_rules (id, tag, top_value_share, min_spend, min_purchases, min_tenure_days,
    max_service_contacts, exclude_warned)
VALUES (1, '核心客户', 0.2, NULL, 2, 365, 5, TRUE);

-- Runs of the rules, and the core customers of the latest one.
CREATE TABLE core_customer_run (
    id            UUID                     NOT NULL PRIMARY KEY,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    as_of         DATE                     NOT NULL,
    buyers        INTEGER                  NOT NULL,
    core          INTEGER                  NOT NULL,
    revenue_share DOUBLE PRECISION         NOT NULL,
    tag           VARCHAR(32)              NOT NULL
);

CREATE TABLE core_customer (
    customer_id UUID NOT NULL PRIMARY KEY,
    run_id      UUID NOT NULL
);
