CREATE TABLE survey (
    id              UUID                     NOT NULL PRIMARY KEY,
    name            VARCHAR(200)             NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    version         INTEGER                  NOT NULL,
    anonymous_token VARCHAR(64)              NOT NULL,
    created_by      VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT survey_anonymous_token_uq UNIQUE (anonymous_token)
);

-- Every version's questions, as JSON; a version is frozen once a response refers to it.
CREATE TABLE survey_version (
    survey_id  UUID                     NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    version    INTEGER                  NOT NULL,
    questions  TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (survey_id, version)
);

CREATE TABLE survey_response (
    id             UUID                     NOT NULL PRIMARY KEY,
    survey_id      UUID                     NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    survey_version INTEGER                  NOT NULL,
    customer_id    UUID,
    channel        VARCHAR(16)              NOT NULL,
    language       VARCHAR(16),
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX survey_response_by_survey_idx ON survey_response (survey_id, submitted_at);

-- Item-level answers: metrics are always computed from these, never stored alone.
CREATE TABLE survey_answer (
    response_id   UUID                     NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    item_key      VARCHAR(140)             NOT NULL,
    survey_id     UUID                     NOT NULL,
    question_key  VARCHAR(64)              NOT NULL,
    question_type VARCHAR(16)              NOT NULL,
    score         INTEGER,
    text_answer   VARCHAR(4000),
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (response_id, item_key)
);
CREATE INDEX survey_answer_by_type_idx ON survey_answer (question_type, submitted_at);
CREATE INDEX survey_answer_by_survey_idx ON survey_answer (survey_id, question_type, submitted_at);
