-- Personal access tokens: only a SHA-256 hash of the secret is stored.
CREATE TABLE api_tokens (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    user_id         uuid                     NOT NULL REFERENCES users (id),
    name            varchar(80)              NOT NULL,
    token_hash      varchar(64)              NOT NULL UNIQUE,
    hint            varchar(12)              NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone
);

CREATE INDEX api_tokens_by_owner ON api_tokens (organisation_id, user_id);
