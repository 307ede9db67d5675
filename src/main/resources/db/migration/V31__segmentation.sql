-- Repurposing a recording (issue 18): a transcript an author is cutting into micro-lessons in the studio, kept while
-- they move the cuts (the sentences each segment starts at, as a comma-separated list: the cuts are read and written
-- whole, never queried one by one), and the lesson drafts made when they accept them. The API proposes segments
-- without storing anything; only the studio's review page keeps this working copy. One SQL for PostgreSQL and H2.
CREATE TABLE segmentations (
    id              uuid                     PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    created_by      uuid                     NOT NULL,
    name            varchar(120)             NOT NULL,
    format          varchar(10)              NOT NULL,
    transcript      text                     NOT NULL,
    max_minutes     int                      NOT NULL,
    starts          text                     NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    drafted_at      timestamp with time zone
);

CREATE INDEX segmentations_by_organisation ON segmentations (organisation_id, created_at);

-- The lesson drafts accepted segments became, in the order of the recording.
CREATE TABLE segmentation_lessons (
    segmentation_id uuid NOT NULL REFERENCES segmentations (id) ON DELETE CASCADE,
    position        int  NOT NULL,
    lesson_id       uuid NOT NULL,
    PRIMARY KEY (segmentation_id, position)
);
