-- Learning: who is enrolled in which program, each learner's attempt at a lesson (pinned to the version they
-- started), and every answer they gave.
CREATE TABLE enrolments (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    program_id      uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    assigned_by     uuid,
    due_at          timestamp with time zone,
    enrolled_at     timestamp with time zone NOT NULL,
    CONSTRAINT enrolments_once UNIQUE (organisation_id, program_id, user_id)
);

CREATE INDEX enrolments_by_learner ON enrolments (organisation_id, user_id);

CREATE TABLE lesson_attempts (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    lesson_id       uuid                     NOT NULL,
    version         int                      NOT NULL,
    step            int                      NOT NULL,
    started_at      timestamp with time zone NOT NULL,
    updated_at      timestamp with time zone NOT NULL,
    completed_at    timestamp with time zone,
    CONSTRAINT lesson_attempts_once UNIQUE (organisation_id, user_id, lesson_id)
);

CREATE TABLE answers (
    attempt_id      uuid                     NOT NULL REFERENCES lesson_attempts (id),
    interaction_id  varchar(40)              NOT NULL,
    organisation_id uuid                     NOT NULL,
    response        text                     NOT NULL,
    credit          double precision         NOT NULL,
    correct         boolean,
    time_taken_ms   bigint,
    answered_at     timestamp with time zone NOT NULL,
    PRIMARY KEY (attempt_id, interaction_id)
);
