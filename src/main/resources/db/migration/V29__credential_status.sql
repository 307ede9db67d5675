-- Revocation and suspension (credentials module), as W3C Bitstring Status List v1.0 publishes them: each
-- organisation has status lists per purpose ('revocation', 'suspension'), each a signed credential at a public
-- address. bits holds the list (at least 131,072 bits, index 0 the left-most bit); credential the signed status list
-- credential as last published, re-signed whenever a bit changes. A list takes new positions until half of them are
-- allocated (random positions stay cheap to find), then the next list opens.
CREATE TABLE status_lists (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    purpose         varchar(20)              NOT NULL,
    size            int                      NOT NULL,
    allocated       int                      NOT NULL,
    bits            bytea                    NOT NULL,
    credential      text                     NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    updated_at      timestamp with time zone NOT NULL
);

CREATE INDEX status_lists_by_organisation ON status_lists (organisation_id, purpose, created_at);

-- Each credential's position in one list of each purpose, drawn at random so that positions say nothing about
-- issue order or holder.
CREATE TABLE credential_statuses (
    award_id uuid        NOT NULL REFERENCES credential_awards (id),
    purpose  varchar(20) NOT NULL,
    list_id  uuid        NOT NULL REFERENCES status_lists (id),
    position int         NOT NULL,
    PRIMARY KEY (award_id, purpose),
    CONSTRAINT credential_statuses_one_per_position UNIQUE (list_id, position)
);

-- The award's standing as the admins and the currency rule set it; the status lists publish it. suspended_by says
-- who suspended: 'admin' (only an admin reinstates) or 'currency' (mastery lapsed; it returns with mastery).
ALTER TABLE credential_awards ADD COLUMN revoked_at timestamp with time zone;
ALTER TABLE credential_awards ADD COLUMN revocation_reason text;
ALTER TABLE credential_awards ADD COLUMN suspended_at timestamp with time zone;
ALTER TABLE credential_awards ADD COLUMN suspended_by varchar(20);
ALTER TABLE credential_awards ADD COLUMN suspension_reason text;
