-- Saved views of the customer list: a user's named filter and sort, as the list's query string.
CREATE TABLE customer_saved_view (
    id         UUID                     NOT NULL PRIMARY KEY,
    owner_id   UUID                     NOT NULL,
    name       VARCHAR(64)              NOT NULL,
    query      VARCHAR(1000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT customer_saved_view_name_uq UNIQUE (owner_id, name)
);
