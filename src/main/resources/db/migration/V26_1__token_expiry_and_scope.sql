-- API tokens expire, and may be read-only. Tokens made before expiry existed get the default ninety days from now,
-- so no integration stops the day this runs.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamp with time zone;
UPDATE api_tokens SET expires_at = CURRENT_TIMESTAMP + INTERVAL '90' DAY;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE api_tokens ADD COLUMN read_only boolean NOT NULL DEFAULT FALSE;

-- The longest a member may make a token last, in days, set by the organisation's admins.
ALTER TABLE organisations ADD COLUMN token_max_days int NOT NULL DEFAULT 365;
