-- Personal links: one response per token, tied to the customer it was made for.
CREATE TABLE survey_invitation (
    token        VARCHAR(64)              NOT NULL PRIMARY KEY,
    survey_id    UUID                     NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    customer_id  UUID                     NOT NULL,
    channel      VARCHAR(16)              NOT NULL,
    created_by   VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    responded_at TIMESTAMP WITH TIME ZONE,
    response_id  UUID
);
CREATE INDEX survey_invitation_by_customer_idx ON survey_invitation (customer_id, created_at);
CREATE INDEX survey_response_by_customer_idx ON survey_response (customer_id, submitted_at);
