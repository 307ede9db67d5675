-- Each award of an achievement to a learner, with the signed Open Badges 3.0 credential as issued (JSON text: the
-- bytes a verifier checks must never be rebuilt). A learner holds an achievement once; awarded_by and reason are set
-- for an award by hand.
CREATE TABLE credential_awards (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    user_id         uuid                     NOT NULL REFERENCES users (id),
    achievement_id  uuid                     NOT NULL REFERENCES achievements (id),
    issued_at       timestamp with time zone NOT NULL,
    awarded_by      uuid,
    reason          text,
    credential      text                     NOT NULL,
    CONSTRAINT credential_awards_once_per_learner UNIQUE (achievement_id, user_id)
);

CREATE INDEX credential_awards_by_holder ON credential_awards (organisation_id, user_id, issued_at);
