-- Grace period before the currency rule suspends a credential (credentials module): when the mastery behind a
-- credential lapses, its holder is told and has grace_days to refresh it; lapse_due_at is when the suspension falls
-- due (NULL: none pending). A cluster-wide job suspends the awards whose time has come; mastery that returns first
-- clears it. 0 grace days suspends at once.
ALTER TABLE achievements ADD COLUMN grace_days int NOT NULL DEFAULT 30;
ALTER TABLE credential_awards ADD COLUMN lapse_due_at timestamp with time zone;

CREATE INDEX credential_awards_lapse_due ON credential_awards (lapse_due_at);

-- An image an author uploaded for an achievement (PNG, or SVG without scripts), served instead of the drawn badge.
CREATE TABLE achievement_images (
    achievement_id uuid                     NOT NULL PRIMARY KEY REFERENCES achievements (id) ON DELETE CASCADE,
    media_type     varchar(40)              NOT NULL,
    content        bytea                    NOT NULL,
    uploaded_at    timestamp with time zone NOT NULL
);

-- A learner's public profile, off until they turn it on: a page at an unguessable handle listing only the
-- credentials they chose (shown_on_profile).
CREATE TABLE learner_profiles (
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    user_id         uuid                     NOT NULL REFERENCES users (id),
    handle          uuid                     NOT NULL,
    visible         boolean                  NOT NULL,
    updated_at      timestamp with time zone NOT NULL,
    PRIMARY KEY (organisation_id, user_id),
    CONSTRAINT learner_profiles_one_handle UNIQUE (handle)
);

ALTER TABLE credential_awards ADD COLUMN shown_on_profile boolean NOT NULL DEFAULT false;
