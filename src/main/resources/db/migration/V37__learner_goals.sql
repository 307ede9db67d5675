-- Developer items (API tokens) stay out of a learner's navigation until they turn them on in their profile. Read
-- with the rest of the user whenever the signed-in member is read, so it costs no query of its own.
ALTER TABLE users ADD COLUMN developer_items boolean NOT NULL DEFAULT FALSE;

-- Each learner's tally per day of their own calendar (the date in their time zone when they learned): seconds spent
-- answering (each answer counted up to ten minutes), lessons completed and lessons mastered. Added to in the
-- transaction that stores the answers, so Today reads a learner's streak in one indexed range, never the answers.
CREATE TABLE learner_days (
    organisation_id uuid    NOT NULL,
    user_id         uuid    NOT NULL,
    learned_on      date    NOT NULL,
    seconds         bigint  NOT NULL,
    lessons         int     NOT NULL,
    mastered        int     NOT NULL,
    PRIMARY KEY (user_id, organisation_id, learned_on)
);

-- A learner's daily goal, their choice: minutes or lessons a day, and whether weekends are off. No row: the starting
-- goal (ten minutes a day).
CREATE TABLE learner_goals (
    organisation_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    kind            varchar(10) NOT NULL,
    amount          int         NOT NULL,
    weekends_off    boolean     NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
