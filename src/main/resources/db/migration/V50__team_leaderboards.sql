-- Team leaderboards (issue 14): off unless an organisation turns them on, and then only learners who join are on
-- them, seen by the members of their own groups who joined too. No row in leaderboard_settings means off. One SQL for
-- PostgreSQL and H2.
CREATE TABLE leaderboard_settings (
    organisation_id uuid                     PRIMARY KEY REFERENCES organisations (id),
    enabled         boolean                  NOT NULL,
    changed_at      timestamp with time zone NOT NULL
);

CREATE TABLE leaderboard_members (
    organisation_id uuid                     NOT NULL REFERENCES organisations (id),
    user_id         uuid                     NOT NULL REFERENCES users (id),
    joined_at       timestamp with time zone NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
