-- What an import changed on existing customers, so that a rollback restores them: the customer's
-- profile, owner and touched custom values before the import's first change (encrypted JSON, it
-- holds personal data), and when the import last wrote the customer. A customer edited after that
-- is left as it is.
CREATE TABLE customer_import_before (
    import_id   UUID                     NOT NULL REFERENCES customer_import (id) ON DELETE CASCADE,
    customer_id UUID                     NOT NULL,
    snapshot    TEXT                     NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, customer_id)
);
