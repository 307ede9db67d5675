-- Skill mastery (issue 12, docs/reinforcement.md "Mastery"): each organisation's thresholds, the skills of each card, and
-- each learner's current mastery status per skill. One SQL for PostgreSQL and H2 (STACK.md trap 8).

-- An organisation's mastery thresholds; a column left empty takes the default (recall 0.85, 2 days, 3 days apart).
ALTER TABLE reinforcement_settings ADD COLUMN mastery_recall double precision;
ALTER TABLE reinforcement_settings ADD COLUMN mastery_days int;
ALTER TABLE reinforcement_settings ADD COLUMN mastery_interval_days int;

-- The skills a card's question builds: those of its lesson's version, copied when the card is made so that a skill's
-- cards are found without asking catalog.
CREATE TABLE card_skills (
    card_id         uuid NOT NULL REFERENCES review_cards (id),
    organisation_id uuid NOT NULL,
    user_id         uuid NOT NULL,
    skill_id        uuid NOT NULL,
    PRIMARY KEY (card_id, skill_id)
);

CREATE INDEX card_skills_by_learner ON card_skills (organisation_id, user_id, skill_id);

INSERT INTO card_skills (card_id, organisation_id, user_id, skill_id)
SELECT c.id, c.organisation_id, c.user_id, s.skill_id
FROM review_cards c
JOIN lesson_skills s ON s.lesson_id = c.lesson_id
                    AND s.version = c.version;

-- A learner's mastery of a skill as last decided, so that a change is seen once: 'mastered', 'learning' or 'lapsed'.
-- While mastered, lapses_at is when the weakest card's predicted recall falls below the threshold (the nightly scan
-- reads only this), and the weakest card's stability and last review say what its recall is then.
CREATE TABLE skill_mastery (
    organisation_id     uuid                     NOT NULL,
    user_id             uuid                     NOT NULL,
    skill_id            uuid                     NOT NULL,
    status              varchar(12)              NOT NULL,
    changed_at          timestamp with time zone NOT NULL,
    lapses_at           timestamp with time zone,
    weakest_stability   double precision,
    weakest_reviewed_at timestamp with time zone,
    PRIMARY KEY (organisation_id, user_id, skill_id)
);

CREATE INDEX skill_mastery_lapsing ON skill_mastery (status, lapses_at);
