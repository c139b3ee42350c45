CREATE TABLE job (
    id               UUID                     NOT NULL PRIMARY KEY,
    type             VARCHAR(64)              NOT NULL,
    owner            VARCHAR(64)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    processed        BIGINT                   NOT NULL DEFAULT 0,
    total            BIGINT,
    messages         TEXT,
    result           TEXT,
    error            VARCHAR(2000),
    cancel_requested BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX job_by_owner_idx ON job (owner, created_at);
CREATE INDEX job_by_status_idx ON job (status);

CREATE TABLE app_setting (
    name       VARCHAR(128)             NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Responses remembered for Idempotency-Key; status is null while the first request is still running.
CREATE TABLE idempotency_record (
    principal    VARCHAR(64)              NOT NULL,
    idem_key     VARCHAR(255)             NOT NULL,
    method       VARCHAR(8)               NOT NULL,
    path         VARCHAR(512)             NOT NULL,
    request_hash VARCHAR(64)              NOT NULL,
    status       INTEGER,
    content_type VARCHAR(255),
    location     VARCHAR(1024),
    body         TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_record_by_created_idx ON idempotency_record (created_at);
