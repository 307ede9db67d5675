-- Groups of members (a team, a region, a partner tier) that programs can be assigned to at once.
CREATE TABLE member_groups (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    name            varchar(80)              NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT member_groups_unique_name UNIQUE (organisation_id, name)
);

CREATE TABLE member_group_members (
    group_id      uuid NOT NULL REFERENCES member_groups (id) ON DELETE CASCADE,
    membership_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, membership_id)
);
