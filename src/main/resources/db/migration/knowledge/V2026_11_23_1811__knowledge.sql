-- Knowledge base articles; the search index is built from this table at start-up (in memory).
CREATE TABLE kb_article (
    id           UUID                     NOT NULL PRIMARY KEY,
    title        VARCHAR(200)             NOT NULL,
    body         VARCHAR(20000)           NOT NULL,
    category     VARCHAR(64)              NOT NULL,
    tags         VARCHAR(500)             NOT NULL,
    language     VARCHAR(2)               NOT NULL,
    status       VARCHAR(10)              NOT NULL,
    helpful_yes  INT                      NOT NULL,
    helpful_no   INT                      NOT NULL,
    created_by   UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    version      INT                      NOT NULL
);
CREATE INDEX kb_article_status_ix ON kb_article (status, updated_at);
