-- Achievements an organisation's learners can earn (credentials module): criteria in words, and the rule Morsel
-- evaluates as two lists: skills to master (catalog's skill ids, referenced by id only) and achievements to hold,
-- which is how achievements stack. Alignments to outside frameworks keep the author's order.
CREATE TABLE achievements (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    name            varchar(120)             NOT NULL,
    description     text                     NOT NULL,
    criteria        text                     NOT NULL,
    credit_hours    numeric(7, 2),
    -- A credential of it expires this many days after issue; NULL: it does not expire.
    valid_days      int,
    created_by      uuid                     NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT achievements_one_name_per_organisation UNIQUE (organisation_id, name)
);

CREATE TABLE achievement_skills (
    achievement_id uuid NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    skill_id       uuid NOT NULL,
    PRIMARY KEY (achievement_id, skill_id)
);

-- Found when a skill is mastered: which achievements name it.
CREATE INDEX achievement_skills_by_skill ON achievement_skills (skill_id);

CREATE TABLE achievement_requirements (
    achievement_id uuid NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    required_id    uuid NOT NULL REFERENCES achievements (id),
    PRIMARY KEY (achievement_id, required_id)
);

CREATE TABLE achievement_alignments (
    achievement_id uuid         NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    position       int          NOT NULL,
    name           varchar(120) NOT NULL,
    url            varchar(500) NOT NULL,
    code           varchar(60),
    PRIMARY KEY (achievement_id, position)
);
