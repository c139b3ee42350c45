-- Email invitations: delivery state, the quiet-hours delay, one reminder, and whether the customer
-- opened the link. LINK invitations leave the mail columns empty.
ALTER TABLE survey_invitation ADD COLUMN campaign_id UUID;
ALTER TABLE survey_invitation ADD COLUMN mail_status VARCHAR(16);
ALTER TABLE survey_invitation ADD COLUMN send_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_invitation ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_invitation ADD COLUMN failure VARCHAR(500);
ALTER TABLE survey_invitation ADD COLUMN reminder_days INTEGER;
ALTER TABLE survey_invitation ADD COLUMN remind_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_invitation ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_invitation ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE survey_invitation ADD COLUMN link_base VARCHAR(300);
CREATE INDEX survey_invitation_mail_due_idx ON survey_invitation (mail_status, send_after);
CREATE INDEX survey_invitation_remind_idx ON survey_invitation (remind_at);
CREATE INDEX survey_invitation_by_survey_idx ON survey_invitation (survey_id, created_at);
