-- Sessions are signed cookies backed by one row each (ADR 0004): a node checks the row once a minute per session
-- instead of reading a serialised session on every request. Spring Session's tables go.
DROP TABLE spring_session_attributes;
DROP TABLE spring_session;

CREATE TABLE web_sessions (
    id              uuid                     NOT NULL PRIMARY KEY,
    user_id         uuid                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    created_at      timestamp with time zone NOT NULL,
    last_seen_at    timestamp with time zone NOT NULL
);
CREATE INDEX web_sessions_by_user ON web_sessions (user_id);
CREATE INDEX web_sessions_by_last_seen ON web_sessions (last_seen_at);

-- Keys every node shares (session cookie signatures, CSRF tokens, encrypted flash cookies): made once by the first
-- node that needs them, never sent anywhere.
CREATE TABLE signing_keys (
    purpose    varchar(40)              NOT NULL PRIMARY KEY,
    secret     bytea                    NOT NULL,
    created_at timestamp with time zone NOT NULL
);
