-- Uploaded media of lessons (images, video, audio, transcripts, documents). The bytes live in the media store
-- (a folder, shared by all nodes); this table says whose they are and what they are.
CREATE TABLE media (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    file_name       varchar(200)             NOT NULL,
    content_type    varchar(100)             NOT NULL,
    size_bytes      bigint                   NOT NULL,
    sha256          varchar(64)              NOT NULL,
    uploaded_by     uuid                     NOT NULL,
    uploaded_at     timestamp with time zone NOT NULL
);

CREATE INDEX media_by_organisation ON media (organisation_id);
