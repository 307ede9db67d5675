-- The managers of a group: a manager sees the members of the groups they manage, and no one else, in the directory.
CREATE TABLE member_group_managers (
    group_id      uuid NOT NULL REFERENCES member_groups (id) ON DELETE CASCADE,
    membership_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, membership_id)
);
CREATE INDEX member_group_managers_by_member ON member_group_managers (membership_id);

-- Learners see no directory unless the organisation opens its members' names to them (never their emails).
ALTER TABLE organisations ADD COLUMN directory_names_open boolean NOT NULL DEFAULT FALSE;
