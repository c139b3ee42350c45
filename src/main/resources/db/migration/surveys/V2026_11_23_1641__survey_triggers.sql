-- Automatic email invitations to a survey after a customer's order or closed case, sent a number
-- of days later (delight right after a purchase inflates scores). One trigger per survey.
CREATE TABLE survey_trigger (
    survey_id  UUID                     NOT NULL PRIMARY KEY,
    event      VARCHAR(16)              NOT NULL,
    delay_days INTEGER                  NOT NULL,
    min_amount NUMERIC(14, 2),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX survey_trigger_by_event_idx ON survey_trigger (event);
