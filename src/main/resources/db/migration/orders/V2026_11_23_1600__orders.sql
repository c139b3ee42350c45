-- Orders from every channel. The external ID is unique per source channel, which makes posting the
-- same order again an update (or nothing), never a duplicate. No foreign key to customer: the
-- customers module owns that table, and orders outlive a deleted customer (customer_id becomes NULL).
CREATE TABLE orders (
    id              UUID                     NOT NULL PRIMARY KEY,
    channel         VARCHAR(32)              NOT NULL,
    external_id     VARCHAR(64)              NOT NULL,
    customer_id     UUID,
    store           VARCHAR(64),
    ordered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    currency        VARCHAR(3)               NOT NULL,
    discount        NUMERIC(14, 2)           NOT NULL,
    total           NUMERIC(14, 2)           NOT NULL,
    refunded        NUMERIC(14, 2)           NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    -- hash of the order's content, to answer "unchanged" to a repeated post without a diff
    content_hash    VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT orders_external_uq UNIQUE (channel, external_id)
);
CREATE INDEX orders_by_customer_idx ON orders (customer_id, ordered_at);
CREATE INDEX orders_by_time_idx ON orders (ordered_at);

CREATE TABLE order_item (
    order_id   UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    INTEGER        NOT NULL,
    sku        VARCHAR(64)    NOT NULL,
    name       VARCHAR(128)   NOT NULL,
    category   VARCHAR(64)    NOT NULL,
    quantity   INTEGER        NOT NULL,
    unit_price NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_refund (
    order_id    UUID                     NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    seq         INTEGER                  NOT NULL,
    refunded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    amount      NUMERIC(14, 2)           NOT NULL,
    reason      VARCHAR(255),
    PRIMARY KEY (order_id, seq)
);

-- The purchase summary per customer, kept in the transaction of every order change and rebuilt
-- from orders on demand. Purchases are orders neither cancelled nor fully refunded.
CREATE TABLE purchase_summary (
    customer_id       UUID                     NOT NULL PRIMARY KEY,
    first_purchase_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_purchase_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    order_count       INTEGER                  NOT NULL,
    total_spend       NUMERIC(14, 2)           NOT NULL,
    last_channel      VARCHAR(32)              NOT NULL
);
CREATE INDEX purchase_summary_by_last_idx ON purchase_summary (last_purchase_at);

-- Item value (quantity times unit price) of a customer's purchases per category.
CREATE TABLE purchase_category_spend (
    customer_id UUID           NOT NULL,
    category    VARCHAR(64)    NOT NULL,
    amount      NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (customer_id, category)
);

-- The lifecycle stage this module last derived for a customer; a stage is moved only when the
-- derived one changes, so a stage set by hand stays until purchases say otherwise.
CREATE TABLE order_customer_stage (
    customer_id UUID                     NOT NULL PRIMARY KEY,
    stage       VARCHAR(16)              NOT NULL,
    derived_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Once-a-day work: the instance that inserts today's row runs it, the others skip.
CREATE TABLE order_daily_run (
    name     VARCHAR(64)              NOT NULL,
    run_date DATE                     NOT NULL,
    started  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, run_date)
);
