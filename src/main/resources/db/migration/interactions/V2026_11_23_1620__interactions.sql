-- Conversations with customers. customer_id references the customers module's record by ID only
-- (no foreign key across modules): merges and deletions arrive as events and move or delete rows.
CREATE TABLE interaction (
    id               UUID                     PRIMARY KEY,
    customer_id      UUID                     NOT NULL,
    channel          VARCHAR(16)              NOT NULL,
    direction        VARCHAR(8)               NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes INTEGER,
    subject          VARCHAR(200)             NOT NULL,
    notes            VARCHAR(4000),
    outcome          VARCHAR(500),
    order_id         UUID,
    case_id          UUID,
    logged_by        UUID                     NOT NULL,
    logged_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interaction_by_customer_idx ON interaction (customer_id, occurred_at);
CREATE INDEX interaction_by_time_idx ON interaction (occurred_at);

-- Attachment metadata; the bytes live in a file named by the attachment ID under
-- the attachments folder of the data directory (manyi.data-dir), so the database stays small and
-- the SQL portable.
CREATE TABLE interaction_attachment (
    id             UUID                     PRIMARY KEY,
    interaction_id UUID                     NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    file_name      VARCHAR(255)             NOT NULL,
    content_type   VARCHAR(100)             NOT NULL,
    size_bytes     BIGINT                   NOT NULL,
    sha256         VARCHAR(64)              NOT NULL,
    uploaded_by    UUID                     NOT NULL,
    uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interaction_attachment_by_interaction_idx ON interaction_attachment (interaction_id);
