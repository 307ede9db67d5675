-- Video providers an organisation adds beside YouTube and Vimeo (issue 15). Pages of the organisation may frame these
-- origins (the content security policy's frame-src), and its lessons may link videos on them. One SQL for PostgreSQL
-- and H2.
CREATE TABLE organisation_frame_origins (
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    origin          varchar(200)             NOT NULL,
    added_at        timestamp with time zone NOT NULL,
    PRIMARY KEY (organisation_id, origin)
);
