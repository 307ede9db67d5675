-- Signing keys are encrypted at rest (AES-256-GCM) under a master key from the environment (MORSEL_SECRETS_KEY).
-- sealed_with names the master key a row is sealed with (a hash prefix, never the key itself); rows written before
-- this migration have none and hold their key in plain, until the first node to start seals them
-- (identity.internal.SigningKeys).
ALTER TABLE signing_keys ADD COLUMN sealed_with varchar(40);
