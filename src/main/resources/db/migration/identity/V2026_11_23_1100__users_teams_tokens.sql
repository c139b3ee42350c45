CREATE TABLE team (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT team_name_uq UNIQUE (name)
);

-- "user" is reserved in PostgreSQL; usernames are stored lower-case so uniqueness ignores case.
CREATE TABLE app_user (
    id                   UUID                     NOT NULL PRIMARY KEY,
    username             VARCHAR(32)              NOT NULL,
    display_name         VARCHAR(64)              NOT NULL,
    email                VARCHAR(254),
    password_hash        VARCHAR(255)             NOT NULL,
    enabled              BOOLEAN                  NOT NULL,
    must_change_password BOOLEAN                  NOT NULL,
    team_id              UUID REFERENCES team (id),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_username_uq UNIQUE (username)
);
CREATE INDEX app_user_by_team_idx ON app_user (team_id);

CREATE TABLE user_role (
    user_id UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_token (
    id           UUID                     NOT NULL PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(64)              NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    prefix       VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_token_by_user_idx ON api_token (user_id);
