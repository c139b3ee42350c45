-- The value of the proposed remedy, and a remedy above its approval threshold waiting for a
-- supervisor (at most one per case).
ALTER TABLE service_case ADD COLUMN remedy_amount NUMERIC(12, 2);
ALTER TABLE service_case ADD COLUMN pending_remedy VARCHAR(20);
ALTER TABLE service_case ADD COLUMN pending_amount NUMERIC(12, 2);
ALTER TABLE service_case ADD COLUMN pending_message VARCHAR(2000);
ALTER TABLE service_case ADD COLUMN pending_by UUID;
