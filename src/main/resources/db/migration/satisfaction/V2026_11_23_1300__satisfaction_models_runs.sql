-- Satisfaction index models (spec as JSON text) and their runs. Runs keep a copy of the model spec,
-- the settings and the uploaded data so that every figure can be reproduced later.
CREATE TABLE satisfaction_model (
    id            UUID                     NOT NULL PRIMARY KEY,
    name          VARCHAR(200)             NOT NULL,
    description   VARCHAR(2000),
    template      VARCHAR(32),
    spec          TEXT                     NOT NULL,
    model_version INTEGER                  NOT NULL,
    created_by    VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT satisfaction_model_template_uq UNIQUE (template)
);

CREATE TABLE satisfaction_run (
    id            UUID                     NOT NULL PRIMARY KEY,
    model_id      UUID                     NOT NULL REFERENCES satisfaction_model (id) ON DELETE CASCADE,
    model_version INTEGER                  NOT NULL,
    model_name    VARCHAR(200)             NOT NULL,
    model_spec    TEXT                     NOT NULL,
    settings      TEXT                     NOT NULL,
    job_id        UUID,
    status        VARCHAR(16)              NOT NULL,
    data_name     VARCHAR(255)             NOT NULL,
    data_rows     INTEGER                  NOT NULL,
    data_columns  INTEGER                  NOT NULL,
    data_sha256   VARCHAR(64)              NOT NULL,
    data_csv      TEXT                     NOT NULL,
    result        TEXT,
    error         VARCHAR(2000),
    created_by    VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX satisfaction_run_by_model_idx ON satisfaction_run (model_id, created_at);
