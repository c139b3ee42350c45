-- Feedback and complaint cases: the case record, its append-only history, the admin-editable
-- category taxonomy, the per-day number sequence and the round-robin cursor of each team queue.
CREATE TABLE case_category (
    code     VARCHAR(64)  NOT NULL PRIMARY KEY,
    name_zh  VARCHAR(100) NOT NULL,
    name_en  VARCHAR(100) NOT NULL,
    urgent   BOOLEAN      NOT NULL,
    active   BOOLEAN      NOT NULL,
    position INT          NOT NULL
);

INSERT INTO case_category (code, name_zh, name_en, urgent, active, position) VALUES
    ('product_quality', '产品质量', 'Product quality', FALSE, TRUE, 10),
    ('delivery', '配送物流', 'Delivery and logistics', FALSE, TRUE, 20),
    ('service_attitude', '服务态度', 'Service attitude', FALSE, TRUE, 30),
    ('price_billing', '价格与账单', 'Price and billing', FALSE, TRUE, 40),
    ('after_sales', '售后与维修', 'After-sales and repair', FALSE, TRUE, 50),
    ('app_website', '应用与网站', 'App and website', FALSE, TRUE, 60),
    ('safety', '安全问题', 'Safety', TRUE, TRUE, 70),
    ('legal', '法律问题', 'Legal', TRUE, TRUE, 80),
    ('other', '其他', 'Other', FALSE, TRUE, 90);

CREATE TABLE case_number_day (
    number_day  VARCHAR(8) NOT NULL PRIMARY KEY,
    last_number INT        NOT NULL
);

CREATE TABLE service_case (
    id                           UUID                     NOT NULL PRIMARY KEY,
    number                       VARCHAR(20)              NOT NULL,
    type                         VARCHAR(20)              NOT NULL,
    channel                      VARCHAR(20)              NOT NULL,
    customer_id                  UUID,
    contact_name                 VARCHAR(100),
    contact_phone                VARCHAR(40),
    order_id                     UUID,
    description                  VARCHAR(4000)            NOT NULL,
    remedy_requested             VARCHAR(1000),
    status                       VARCHAR(20)              NOT NULL,
    category                     VARCHAR(64),
    severity                     VARCHAR(10),
    urgency                      VARCHAR(10),
    priority                     VARCHAR(2)               NOT NULL,
    team_id                      UUID,
    assignee_id                  UUID,
    escalation_level             INT                      NOT NULL,
    remedy                       VARCHAR(20),
    reaction                     VARCHAR(20),
    root_cause                   VARCHAR(64),
    corrective_action            VARCHAR(1000),
    received_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at              TIMESTAMP WITH TIME ZONE,
    first_response_at            TIMESTAMP WITH TIME ZONE,
    closed_at                    TIMESTAMP WITH TIME ZONE,
    acknowledge_due              TIMESTAMP WITH TIME ZONE NOT NULL,
    response_due                 TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_due               TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_since                 TIMESTAMP WITH TIME ZONE,
    acknowledge_breach_escalated BOOLEAN                  NOT NULL,
    response_breach_escalated    BOOLEAN                  NOT NULL,
    resolution_breach_escalated  BOOLEAN                  NOT NULL,
    created_by                   UUID                     NOT NULL,
    version                      INT                      NOT NULL,
    CONSTRAINT service_case_number_uq UNIQUE (number)
);
CREATE INDEX service_case_customer_ix ON service_case (customer_id);
CREATE INDEX service_case_status_ix ON service_case (status, received_at);
CREATE INDEX service_case_assignee_ix ON service_case (assignee_id);
CREATE INDEX service_case_team_ix ON service_case (team_id);

CREATE TABLE case_history (
    id          UUID                     NOT NULL PRIMARY KEY,
    case_id     UUID                     NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    seq         BIGINT                   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    by_id       UUID,
    kind        VARCHAR(20)              NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20),
    visibility  VARCHAR(10)              NOT NULL,
    text        VARCHAR(4000),
    CONSTRAINT case_history_seq_uq UNIQUE (case_id, seq)
);

CREATE TABLE case_queue_cursor (
    team_id      UUID NOT NULL PRIMARY KEY,
    last_user_id UUID
);
