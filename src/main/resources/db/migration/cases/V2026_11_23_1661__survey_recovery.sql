-- Survey responses that already opened a recovery case, so a repeated event opens none.
CREATE TABLE case_survey_recovery (
    response_id UUID NOT NULL PRIMARY KEY
);
