-- The people we deal with at company customers; their phone and email encrypted like the
-- customer's own contacts (AES-GCM, base64).
CREATE TABLE customer_person (
    customer_id  UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    seq          INTEGER      NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    title        VARCHAR(64),
    role         VARCHAR(64),
    phone_cipher VARCHAR(512),
    email_cipher VARCHAR(512),
    PRIMARY KEY (customer_id, seq)
);
