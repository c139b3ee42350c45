-- Customers. Phone numbers and emails live only encrypted (AES-GCM, base64) in customer_contact,
-- with a keyed hash (HMAC-SHA256, hex) for exact search. The last four digits of a phone are kept
-- plain for last-4 search: the masked form shown to every user (138****1234) shows them anyway.
CREATE TABLE customer (
    id             UUID                     NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)              NOT NULL,
    name           VARCHAR(128)             NOT NULL,
    -- lower-case name, full pinyin and pinyin initials, filled on write for search
    name_search    VARCHAR(600)             NOT NULL,
    gender         VARCHAR(16)              NOT NULL,
    birthday       DATE,
    lunar_birthday BOOLEAN                  NOT NULL,
    province       VARCHAR(32),
    city           VARCHAR(32),
    address        VARCHAR(255),
    source         VARCHAR(16),
    external_id    VARCHAR(64),
    owner_id       UUID                     NOT NULL,
    team_id        UUID,
    stage          VARCHAR(16)              NOT NULL,
    notes          TEXT,
    -- share of the profile that is filled in, 0 to 100, for the "least complete" list
    completeness   INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID                     NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID                     NOT NULL
);
CREATE INDEX customer_by_owner_idx ON customer (owner_id, created_at);
CREATE INDEX customer_by_team_idx ON customer (team_id, created_at);
CREATE INDEX customer_by_created_idx ON customer (created_at);
CREATE INDEX customer_by_name_idx ON customer (name);
CREATE INDEX customer_by_name_search_idx ON customer (name_search);
CREATE INDEX customer_by_city_idx ON customer (city);
CREATE INDEX customer_by_external_id_idx ON customer (external_id);
CREATE INDEX customer_by_name_birthday_idx ON customer (name, birthday);
CREATE INDEX customer_by_completeness_idx ON customer (completeness);

CREATE TABLE customer_contact (
    customer_id UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    channel     VARCHAR(8)   NOT NULL,
    seq         INTEGER      NOT NULL,
    cipher_text VARCHAR(512) NOT NULL,
    lookup_hash VARCHAR(64)  NOT NULL,
    last_four   VARCHAR(4),
    PRIMARY KEY (customer_id, channel, seq)
);
CREATE INDEX customer_contact_by_hash_idx ON customer_contact (lookup_hash);
CREATE INDEX customer_contact_by_last_four_idx ON customer_contact (last_four);

CREATE TABLE customer_tag (
    customer_id UUID        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    tag         VARCHAR(32) NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tag_by_tag_idx ON customer_tag (tag);

CREATE TABLE customer_consent (
    customer_id    UUID                     NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    channel        VARCHAR(8)               NOT NULL,
    granted        BOOLEAN                  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    method         VARCHAR(32)              NOT NULL,
    notice_version VARCHAR(32),
    PRIMARY KEY (customer_id, channel)
);

-- Who did what to which customer: reveals of personal data, creation, changes, merges,
-- deletions. Kept after the customer is deleted, so no foreign key.
CREATE TABLE customer_audit (
    id          UUID                     NOT NULL PRIMARY KEY,
    customer_id UUID                     NOT NULL,
    actor_id    UUID                     NOT NULL,
    actor_name  VARCHAR(64)              NOT NULL,
    action      VARCHAR(16)              NOT NULL,
    fields      VARCHAR(255),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_audit_by_customer_idx ON customer_audit (customer_id, occurred_at);
CREATE INDEX customer_audit_by_time_idx ON customer_audit (occurred_at);
