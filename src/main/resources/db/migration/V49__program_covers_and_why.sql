-- Programs speak to learners (issue 14): "why" is the line a learner reads on the program's card and page (the
-- business outcome is for managers), written by authors and at most 160 characters. A program's cover is an image
-- its author uploaded (a PNG, JPEG, WebP or inert SVG, checked when uploaded); without one, learners see a pattern
-- drawn from the program's id in the organisation's colours, which needs no row. changed_at versions the cover's
-- address, so browsers keep it until it changes. One SQL for PostgreSQL and H2.
ALTER TABLE programs ADD COLUMN why varchar(160);

CREATE TABLE program_covers (
    program_id uuid                     PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
    image      bytea                    NOT NULL,
    media_type varchar(20)              NOT NULL,
    changed_at timestamp with time zone NOT NULL
);
