-- Why customers left: a configurable taxonomy of reasons (code fixed, names editable, reasons
-- retired rather than deleted so old records keep their meaning).
CREATE TABLE defection_reason (
    code      VARCHAR(32)  NOT NULL PRIMARY KEY,
    name_zh   VARCHAR(64)  NOT NULL,
    name_en   VARCHAR(64)  NOT NULL,
    -- whether winning the customer back is worth trying for this reason (not for "moved away")
    winnable  BOOLEAN      NOT NULL,
    active    BOOLEAN      NOT NULL,
    position  INTEGER      NOT NULL
);
INSERT INTO defection_reason (code, name_zh, name_en, winnable, active, position) VALUES
    ('PRICE', '价格', 'Price', TRUE, TRUE, 10),
    ('PRODUCT_QUALITY', '产品质量', 'Product quality', TRUE, TRUE, 20),
    ('SERVICE', '服务', 'Service', TRUE, TRUE, 30),
    ('DELIVERY', '配送', 'Delivery', TRUE, TRUE, 40),
    ('COMPETITOR_OFFER', '竞争对手优惠', 'Competitor offer', TRUE, TRUE, 50),
    ('ASSORTMENT', '品类不全', 'Assortment', TRUE, TRUE, 60),
    ('MOVED', '搬迁', 'Moved away', FALSE, TRUE, 70),
    ('LIFE_CHANGE', '生活变化', 'Life change', FALSE, TRUE, 80),
    ('NO_LONGER_NEEDED', '不再需要', 'No longer needed', FALSE, TRUE, 90),
    ('OTHER', '其他', 'Other', TRUE, TRUE, 100);

-- One defection per customer at a time: opened when the customer is marked lost (details still
-- to record) or when a lost-customer interview is logged; closed when the customer is won back.
CREATE TABLE defection (
    id           UUID                     NOT NULL PRIMARY KEY,
    customer_id  UUID                     NOT NULL,
    source       VARCHAR(16)              NOT NULL,
    kind         VARCHAR(24),
    competitor   VARCHAR(128),
    notes        VARCHAR(2000),
    segment      VARCHAR(24),
    stage        VARCHAR(16)              NOT NULL,
    past_value   NUMERIC(16, 2)           NOT NULL,
    defected_on  DATE                     NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE,
    recorded_by  VARCHAR(64),
    won_back_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX defection_by_customer_idx ON defection (customer_id, won_back_at);
CREATE INDEX defection_by_day_idx ON defection (defected_on);

CREATE TABLE defection_reason_pick (
    defection_id UUID        NOT NULL REFERENCES defection (id) ON DELETE CASCADE,
    reason_code  VARCHAR(32) NOT NULL REFERENCES defection_reason (code),
    PRIMARY KEY (defection_id, reason_code)
);
