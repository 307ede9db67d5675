-- Reinforcement (issue 12): a review card per learner and assessed question, its reviews, and each organisation's
-- desired retention. One SQL for PostgreSQL and H2 (STACK.md trap 8).

-- A card is the FSRS memory of one learner for one question of one lesson (docs/reinforcement.md). Its id is derived
-- from those four ids, so a listener that runs twice for one answer inserts nothing the second time. The version is
-- the one the learner first answered: the question a review shows.
CREATE TABLE review_cards (
    id              uuid                     PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    user_id         uuid                     NOT NULL REFERENCES users (id),
    lesson_id       uuid                     NOT NULL,
    version         int                      NOT NULL,
    interaction_id  varchar(40)              NOT NULL,
    state           smallint                 NOT NULL,
    step            int                      NOT NULL,
    stability       double precision         NOT NULL,
    difficulty      double precision         NOT NULL,
    elapsed_days    int                      NOT NULL,
    scheduled_days  int                      NOT NULL,
    due             timestamp with time zone NOT NULL,
    last_review     timestamp with time zone,
    reps            int                      NOT NULL,
    lapses          int                      NOT NULL,
    CONSTRAINT review_cards_question UNIQUE (organisation_id, user_id, lesson_id, interaction_id)
);

-- Today asks, for one learner, what falls due before their review day ends: one range scan of this index.
CREATE INDEX review_cards_due ON review_cards (organisation_id, user_id, due);

-- Every review of a card, apart from the lesson's answers: the first (the answer in the lesson, source 'lesson', whose
-- answer stays in the answers table) and each in the daily review (source 'review', with the answer as JSON). The id
-- of a review is the review item's id the page or client sent, so the same answer sent twice is stored once. The
-- card's memory after the review is kept beside it.
CREATE TABLE reviews (
    id              uuid                     PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    card_id         uuid                     NOT NULL REFERENCES review_cards (id),
    source          varchar(8)               NOT NULL,
    rating          smallint                 NOT NULL,
    response        text,
    credit          double precision         NOT NULL,
    correct         boolean,
    time_taken_ms   bigint,
    reviewed_at     timestamp with time zone NOT NULL,
    state           smallint                 NOT NULL,
    stability       double precision         NOT NULL,
    difficulty      double precision         NOT NULL,
    due             timestamp with time zone NOT NULL
);

-- The daily cap counts a learner's reviews since their review day began.
CREATE INDEX reviews_by_learner ON reviews (organisation_id, user_id, reviewed_at);
CREATE INDEX reviews_by_card ON reviews (card_id);

-- An organisation's choice of how likely a learner should still recall an item when it falls due (FSRS's desired
-- retention); without a row, 0.9.
CREATE TABLE reinforcement_settings (
    organisation_id   uuid             PRIMARY KEY REFERENCES organisations (id),
    desired_retention double precision NOT NULL,
    CONSTRAINT reinforcement_settings_retention CHECK (desired_retention > 0 AND desired_retention < 1)
);
