-- The self-service portal: the contact address of a case submitted there, the one-time codes that
-- prove a customer receives that address, and the access tokens a verified customer follows the
-- case with. Codes and tokens are stored as SHA-256 hashes only.
CREATE TABLE case_portal_contact (
    case_id         UUID                     NOT NULL PRIMARY KEY REFERENCES service_case (id) ON DELETE CASCADE,
    email           VARCHAR(254)             NOT NULL,
    language        VARCHAR(10)              NOT NULL,
    satisfaction    INT,
    satisfaction_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE case_portal_code (
    id         UUID                     NOT NULL PRIMARY KEY,
    case_id    UUID                     NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts   INT                      NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX case_portal_code_case_ix ON case_portal_code (case_id, created_at);

CREATE TABLE case_portal_access (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    case_id    UUID                     NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
