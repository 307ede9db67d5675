-- Admins revoke invitations; a revoked one stays for the record, its link no longer works.
ALTER TABLE invitations ADD COLUMN revoked_at timestamp with time zone;
