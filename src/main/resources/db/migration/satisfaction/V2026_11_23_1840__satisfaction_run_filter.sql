-- The data filter of a run taken from a survey's answers (survey, period, customer segment) as
-- JSON, so the run page and the API can say which respondents a figure describes. NULL for runs on
-- an uploaded file.
ALTER TABLE satisfaction_run ADD COLUMN data_filter TEXT;
