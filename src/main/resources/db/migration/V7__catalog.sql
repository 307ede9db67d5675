-- Catalog: each organisation's skills, its lessons with their versions (a published version never changes), and
-- programs of lessons. Tables of other modules are not referenced: modules talk through their APIs.
CREATE TABLE skills (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    name            varchar(80)              NOT NULL,
    description     varchar(1000),
    framework_code  varchar(60),
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT skills_unique_name UNIQUE (organisation_id, name)
);

CREATE TABLE lessons (
    id                uuid                     NOT NULL PRIMARY KEY,
    organisation_id   uuid                     NOT NULL,
    created_by        uuid                     NOT NULL,
    created_at        timestamp with time zone NOT NULL,
    draft_version     int,
    published_version int
);

CREATE INDEX lessons_by_organisation ON lessons (organisation_id);

CREATE TABLE lesson_versions (
    lesson_id         uuid                     NOT NULL REFERENCES lessons (id),
    version           int                      NOT NULL,
    organisation_id   uuid                     NOT NULL,
    title             varchar(120)             NOT NULL,
    objective         varchar(300)             NOT NULL,
    estimated_minutes int                      NOT NULL,
    content           text                     NOT NULL,
    saved_by          uuid                     NOT NULL,
    saved_at          timestamp with time zone NOT NULL,
    published_at      timestamp with time zone,
    PRIMARY KEY (lesson_id, version)
);

CREATE TABLE lesson_skills (
    lesson_id uuid NOT NULL,
    version   int  NOT NULL,
    skill_id  uuid NOT NULL REFERENCES skills (id),
    PRIMARY KEY (lesson_id, version, skill_id),
    FOREIGN KEY (lesson_id, version) REFERENCES lesson_versions (lesson_id, version)
);

CREATE TABLE programs (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    slug            varchar(60)              NOT NULL,
    title           varchar(120)             NOT NULL,
    outcome         varchar(300)             NOT NULL,
    description     varchar(2000),
    self_enrol      boolean                  NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT programs_unique_slug UNIQUE (organisation_id, slug)
);

CREATE TABLE program_lessons (
    program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    position   int  NOT NULL,
    lesson_id  uuid NOT NULL REFERENCES lessons (id),
    PRIMARY KEY (program_id, position)
);
