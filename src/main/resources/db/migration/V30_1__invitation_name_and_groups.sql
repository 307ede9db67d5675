-- Admins add people in bulk from a CSV file with their names and groups: the invitation keeps the name (the newcomer
-- finds it filled in, and may change it) and the groups to join on acceptance (group ids, comma-separated; a group
-- deleted meanwhile is left out).
ALTER TABLE invitations ADD COLUMN name varchar(100);
ALTER TABLE invitations ADD COLUMN group_ids text;
