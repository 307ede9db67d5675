-- Managers see their team's progress: the score of each completed attempt, kept when the attempt completes (it was
-- only announced in LessonCompleted until now; attempts completed before this migration keep NULL and show no
-- score), and the reminders managers send to overdue people, so the team table says when someone was reminded and
-- nobody gets more than one reminder a day.
ALTER TABLE lesson_attempts ADD COLUMN score double precision;

CREATE TABLE reminders (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    program_id      uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    sent_by         uuid                     NOT NULL,
    sent_at         timestamp with time zone NOT NULL,
    -- The UTC day of sent_at: one reminder per person and day, kept by the database even when two managers click at
    -- once.
    sent_on         date                     NOT NULL,
    CONSTRAINT reminders_once_a_day UNIQUE (organisation_id, user_id, sent_on)
);

CREATE INDEX reminders_by_program ON reminders (organisation_id, program_id, user_id);
