-- A recording's media file, uploaded with its transcript (issue 18): the lesson drafts cut from it play their own
-- time range of this file. A media id of the organisation's library (catalog's media table), or none when only the
-- transcript was given. One SQL for PostgreSQL and H2.
ALTER TABLE segmentations ADD COLUMN media_id uuid;
