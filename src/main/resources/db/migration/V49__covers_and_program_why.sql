-- Programs and lessons speak to learners (issue 14). A program's "why" is the line a learner reads on its card and
-- page (the business outcome is for managers), written by authors and at most 160 characters. A cover is an image an
-- author uploaded (a PNG, JPEG, WebP or inert SVG, checked when uploaded); without one, learners see a pattern drawn
-- from the id in the organisation's colours, which needs no row. changed_at versions a cover's address, so browsers
-- keep it until it changes. One SQL for PostgreSQL and H2.
ALTER TABLE programs ADD COLUMN why varchar(160);

CREATE TABLE program_covers (
    program_id uuid                     PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
    image      bytea                    NOT NULL,
    media_type varchar(20)              NOT NULL,
    changed_at timestamp with time zone NOT NULL
);

-- A lesson's cover belongs to one of its versions, since a published version never changes: it is uploaded to the
-- draft, and a new draft starts with the cover of the version it follows. No reference to lesson_versions: saving a
-- draft replaces its row, and the cover stays.
CREATE TABLE lesson_covers (
    lesson_id  uuid                     NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    version    int                      NOT NULL,
    image      bytea                    NOT NULL,
    media_type varchar(20)              NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    PRIMARY KEY (lesson_id, version)
);
