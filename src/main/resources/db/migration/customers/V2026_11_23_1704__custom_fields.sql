-- Fields admins add to the customer record, and their values (text in a canonical form: numbers
-- plain, dates ISO, several choices joined by "|").
CREATE TABLE customer_field (
    field_key  VARCHAR(32)              NOT NULL PRIMARY KEY,
    label_zh   VARCHAR(64)              NOT NULL,
    label_en   VARCHAR(64)              NOT NULL,
    field_type VARCHAR(16)              NOT NULL,
    options    VARCHAR(2000),
    in_list    BOOLEAN                  NOT NULL,
    position   INTEGER                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE customer_field_value (
    customer_id UUID          NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    field_key   VARCHAR(32)   NOT NULL REFERENCES customer_field (field_key) ON DELETE CASCADE,
    field_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (customer_id, field_key)
);
CREATE INDEX customer_field_value_idx ON customer_field_value (field_key, field_value);
