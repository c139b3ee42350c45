-- Rows of an import that created a customer resembling an existing one (same email, or same name
-- and birthday): created, but listed for a data steward to check or merge.
CREATE TABLE customer_import_warning (
    import_id   UUID        NOT NULL REFERENCES customer_import (id) ON DELETE CASCADE,
    line        BIGINT      NOT NULL,
    reason      VARCHAR(24) NOT NULL,
    customer_id UUID        NOT NULL
);
CREATE INDEX customer_import_warning_idx ON customer_import_warning (import_id, line);

-- Name search reads the token table now; the index on the search form only slowed writes.
DROP INDEX customer_by_name_search_idx;
