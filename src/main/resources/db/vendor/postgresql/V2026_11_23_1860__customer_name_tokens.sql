-- Search tokens of customer names (suffixes of the characters, the pinyin and the initials), so
-- that a name search is an index range scan. The "C" collation orders tokens by code point, which
-- makes "token >= term AND token < term || U+FFFF" exactly "token starts with term".
CREATE TABLE customer_name_token (
    token       VARCHAR(64) COLLATE "C" NOT NULL,
    customer_id UUID                    NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (token, customer_id)
);
CREATE INDEX customer_name_token_by_customer_idx ON customer_name_token (customer_id);
