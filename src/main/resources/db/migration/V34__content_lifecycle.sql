-- The life of content (issue 15). A lesson or program can be unpublished (newcomers no longer see it; learners keep
-- what they did) and archived (gone from the catalog and search; reports and learners' history keep it), and
-- restored. Neither state touches the versions themselves, so a version stays what learners took.
ALTER TABLE lessons ADD COLUMN unpublished_at timestamp with time zone;
ALTER TABLE lessons ADD COLUMN archived_at timestamp with time zone;
ALTER TABLE programs ADD COLUMN unpublished_at timestamp with time zone;
ALTER TABLE programs ADD COLUMN archived_at timestamp with time zone;

-- A program's saves are counted, so a save made from an older read is refused (the API's ETag and If-Match)
-- instead of silently replacing a colleague's change.
ALTER TABLE programs ADD COLUMN revision int NOT NULL DEFAULT 1;

-- The author says at publish whether a version changes what the lesson teaches; learners who completed an earlier
-- version are offered a significant one, and minor fixes bother nobody.
ALTER TABLE lesson_versions ADD COLUMN significant boolean NOT NULL DEFAULT FALSE;

-- Retakes: a learner may take a completed lesson again, as a new attempt numbered after the last. The earlier
-- attempts stay as they were (their answers and score are what reports show). Two tabs starting the same retake at
-- once both aim at the same number, so the database keeps one.
ALTER TABLE lesson_attempts ADD COLUMN attempt int NOT NULL DEFAULT 1;
ALTER TABLE lesson_attempts DROP CONSTRAINT lesson_attempts_once;
ALTER TABLE lesson_attempts ADD CONSTRAINT lesson_attempts_numbered UNIQUE (organisation_id, user_id, lesson_id, attempt);
