-- Search tokens of customer names (suffixes of the characters, the pinyin and the initials), so
-- that a name search is an index range scan. H2 compares strings by code unit, so
-- "token >= term AND token < term || U+FFFF" is "token starts with term".
CREATE TABLE customer_name_token (
    token       VARCHAR(64) NOT NULL,
    customer_id UUID        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (token, customer_id)
);
CREATE INDEX customer_name_token_by_customer_idx ON customer_name_token (customer_id);
