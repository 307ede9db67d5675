-- Partners: an admin marks a group external. Its members (admins aside) see in the directory only the people of their
-- own external groups, and in the catalog only the programs assigned to them, plus the open (self-enrol) programs
-- when the organisation lets partners see those; everything else answers as missing.
ALTER TABLE member_groups ADD COLUMN is_external boolean NOT NULL DEFAULT FALSE;

ALTER TABLE organisations ADD COLUMN partners_see_open_programs boolean NOT NULL DEFAULT FALSE;

-- Asked on every page a learner opens: which external groups is this membership in.
CREATE INDEX member_group_members_by_member ON member_group_members (membership_id);
