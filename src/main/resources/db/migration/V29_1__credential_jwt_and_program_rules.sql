-- The same credential in its VC-JOSE-COSE form (credentials module): a compact JWS (application/vc+jwt) of the
-- credential without its Data Integrity proof, signed by the same issuer key, stored as issued like the JSON form.
-- NULL for a credential issued before this form existed: it is signed on first request and stored then.
ALTER TABLE credential_awards ADD COLUMN jwt text;

-- Achievements whose rule names programs to complete (catalog's program ids, referenced by id only), and the
-- minimum mean lesson score, in percent, each of them must be completed with; NULL: completion is enough.
CREATE TABLE achievement_programs (
    achievement_id uuid NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    program_id     uuid NOT NULL,
    PRIMARY KEY (achievement_id, program_id)
);

ALTER TABLE achievements ADD COLUMN minimum_score int;

-- Each learner's latest score per completed lesson, kept from learning's LessonCompleted events: credentials reads
-- no other module's tables, and a program is completed when every lesson it publishes has a row here.
CREATE TABLE credential_lesson_scores (
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    lesson_id       uuid                     NOT NULL,
    score           numeric(5, 4)            NOT NULL,
    completed_at    timestamp with time zone NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);

CREATE INDEX credential_lesson_scores_by_learner ON credential_lesson_scores (organisation_id, user_id);
