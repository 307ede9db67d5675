-- The benchmark's organisation and its author, before the lesson and program are written through the application.
INSERT INTO organisations (id, slug, name, created_at)
VALUES ('00000000-0000-0000-0000-00000000d001', 'bench-delivery', 'Bench delivery', now());

INSERT INTO users (id, email, name, time_zone, language, created_at)
VALUES (md5('bench-author')::uuid, 'author@bench-delivery.test', 'Bench author', 'UTC', 'en', now());

INSERT INTO memberships (id, organisation_id, user_id, joined_at)
VALUES (md5('bench-author-membership')::uuid, '00000000-0000-0000-0000-00000000d001', md5('bench-author')::uuid, now());

INSERT INTO membership_roles (membership_id, role)
VALUES (md5('bench-author-membership')::uuid, 'AUTHOR');
