-- A program's own desired retention, for the cards of its learners whose lessons are in it (docs/reinforcement.md,
-- "Desired retention"); without a row, the program takes its organisation's. The program is catalog's: it is named
-- by id only, and checked through catalog's API when the setting is made.
CREATE TABLE program_retention (
    organisation_id   uuid             NOT NULL REFERENCES organisations (id),
    program_id        uuid             NOT NULL,
    desired_retention double precision NOT NULL,
    PRIMARY KEY (organisation_id, program_id),
    CONSTRAINT program_retention_range CHECK (desired_retention > 0 AND desired_retention < 1)
);
