-- Organisations are the tenants; a user may belong to several, with roles in each.
CREATE TABLE organisations (
    id         uuid                     NOT NULL PRIMARY KEY,
    slug       varchar(40)              NOT NULL UNIQUE,
    name       varchar(120)             NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE users (
    id            uuid                     NOT NULL PRIMARY KEY,
    email         varchar(254)             NOT NULL UNIQUE,
    name          varchar(100)             NOT NULL,
    password_hash varchar(200),
    time_zone     varchar(60)              NOT NULL,
    language      varchar(10)              NOT NULL,
    demo          boolean                  NOT NULL DEFAULT FALSE,
    created_at    timestamp with time zone NOT NULL
);

CREATE TABLE memberships (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    user_id         uuid                     NOT NULL REFERENCES users (id),
    joined_at       timestamp with time zone NOT NULL,
    CONSTRAINT memberships_one_per_user UNIQUE (organisation_id, user_id)
);

CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE membership_roles (
    membership_id uuid        NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    role          varchar(20) NOT NULL,
    PRIMARY KEY (membership_id, role)
);
