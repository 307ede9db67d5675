-- One-time links sent by email; only hashes of their secrets are stored.
CREATE TABLE password_resets (
    token_hash varchar(64)              NOT NULL PRIMARY KEY,
    user_id    uuid                     NOT NULL REFERENCES users (id),
    expires_at timestamp with time zone NOT NULL,
    used_at    timestamp with time zone
);

CREATE TABLE invitations (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    email           varchar(254)             NOT NULL,
    roles           varchar(80)              NOT NULL,
    token_hash      varchar(64)              NOT NULL UNIQUE,
    invited_by      uuid                     REFERENCES users (id),
    created_at      timestamp with time zone NOT NULL,
    expires_at      timestamp with time zone NOT NULL,
    accepted_at     timestamp with time zone
);

CREATE INDEX invitations_by_organisation ON invitations (organisation_id, created_at);
