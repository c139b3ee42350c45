-- Admin-edited routing rules: cases matching a category, channel and customer stage (each
-- optional) go to a team queue, where a strategy picks the owner.
CREATE TABLE case_routing_rule (
    id       UUID        NOT NULL PRIMARY KEY,
    position INT         NOT NULL,
    category VARCHAR(64),
    channel  VARCHAR(20),
    stage    VARCHAR(20),
    team_id  UUID        NOT NULL,
    strategy VARCHAR(20) NOT NULL,
    active   BOOLEAN     NOT NULL
);
CREATE INDEX case_routing_rule_position_ix ON case_routing_rule (position);
