-- Each organisation's Ed25519 issuer keys (credentials module). The private key rests sealed under the master key
-- (identity's SecretSeal: AES-256-GCM, sealed_with names the master key). A rotation retires the current key and
-- makes a new one; retired public keys stay published so that credentials signed before still verify.
-- current_for holds the organisation's id while the key is its current one and NULL once retired: the unique
-- constraint keeps one current key per organisation on both databases (H2 has no partial indexes).
CREATE TABLE issuer_keys (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    current_for     uuid                     UNIQUE,
    public_key      bytea                    NOT NULL,
    private_key     bytea                    NOT NULL,
    sealed_with     varchar(40)              NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    retired_at      timestamp with time zone
);

CREATE INDEX issuer_keys_by_organisation ON issuer_keys (organisation_id, created_at);
