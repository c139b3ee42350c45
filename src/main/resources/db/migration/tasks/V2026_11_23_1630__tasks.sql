-- Follow-up tasks (回访/跟进). customer_id and the user columns reference other modules by ID only.
CREATE TABLE task (
    id              UUID                     PRIMARY KEY,
    customer_id     UUID                     NOT NULL,
    type            VARCHAR(16)              NOT NULL,
    assignee_id     UUID                     NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    priority        VARCHAR(8)               NOT NULL,
    status          VARCHAR(12)              NOT NULL,
    notes           VARCHAR(2000),
    result_note     VARCHAR(2000),
    cancel_reason   VARCHAR(500),
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by       UUID,
    closed_at       TIMESTAMP WITH TIME ZONE,
    interaction_id  UUID,
    source_order_id UUID,
    version         INTEGER                  NOT NULL
);
CREATE INDEX task_by_assignee_idx ON task (assignee_id, status, due_at);
CREATE INDEX task_by_customer_idx ON task (customer_id);
-- one post-purchase callback per order, however often the order event arrives
CREATE UNIQUE INDEX task_by_source_order_idx ON task (source_order_id);

-- The post-purchase callback rule: a single row, edited by admins.
CREATE TABLE task_post_purchase_rule (
    id         INTEGER                  PRIMARY KEY,
    enabled    BOOLEAN                  NOT NULL,
    min_amount NUMERIC(14, 2)           NOT NULL,
    delay_days INTEGER                  NOT NULL,
    updated_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO task_post_purchase_rule (id, enabled, min_amount, delay_days, updated_at)
VALUES (1, TRUE, 500.00, 7, CURRENT_TIMESTAMP);
