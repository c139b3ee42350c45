-- Customer file imports: the upload, the chosen mapping and the counts of the last check or run.
CREATE TABLE customer_import (
    id              UUID                     NOT NULL PRIMARY KEY,
    file_id         UUID                     NOT NULL,
    file_name       VARCHAR(255)             NOT NULL,
    -- field key -> column heading, as JSON
    mapping         TEXT                     NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    job_id          UUID,
    rows_total      BIGINT,
    rows_rejected   BIGINT,
    created_count   BIGINT                   NOT NULL DEFAULT 0,
    updated_count   BIGINT                   NOT NULL DEFAULT 0,
    unchanged_count BIGINT                   NOT NULL DEFAULT 0,
    created_by      UUID                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_import_by_creator_idx ON customer_import (created_by, created_at);

-- Every committed batch of an import: a batch is written in one transaction, so a failure mid-way
-- leaves whole batches, listed here, from which the import resumes or is rolled back.
CREATE TABLE customer_import_batch (
    import_id    UUID                     NOT NULL REFERENCES customer_import (id) ON DELETE CASCADE,
    batch_no     INTEGER                  NOT NULL,
    first_line   BIGINT                   NOT NULL,
    last_line    BIGINT                   NOT NULL,
    created      INTEGER                  NOT NULL,
    updated      INTEGER                  NOT NULL,
    unchanged    INTEGER                  NOT NULL,
    rejected     INTEGER                  NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, batch_no)
);

-- The customers an import created, for rolling it back.
CREATE TABLE customer_import_created (
    import_id   UUID NOT NULL REFERENCES customer_import (id) ON DELETE CASCADE,
    customer_id UUID NOT NULL
);
CREATE INDEX customer_import_created_idx ON customer_import_created (import_id);

-- Rejected rows of the last check or run, with the field and the reason (a message key).
CREATE TABLE customer_import_problem (
    import_id UUID         NOT NULL REFERENCES customer_import (id) ON DELETE CASCADE,
    line      BIGINT       NOT NULL,
    field     VARCHAR(32)  NOT NULL,
    code      VARCHAR(64)  NOT NULL,
    detail    VARCHAR(255)
);
CREATE INDEX customer_import_problem_idx ON customer_import_problem (import_id, line);
