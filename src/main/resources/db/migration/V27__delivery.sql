-- Delivery (docs/delivery.md): cadence settings at each level, each learner's delivery state, trigger rules, the
-- triggers received, the deliveries planned, and the send log (which is also the in-app notification centre).

-- Cadence as one level sets it: level ORGANISATION (subject = the organisation), PROGRAM (subject = the program) or
-- LEARNER (subject = the user). A NULL part is inherited from the level above.
CREATE TABLE delivery_cadences (
    organisation_id uuid         NOT NULL,
    level           varchar(12)  NOT NULL,
    subject_id      uuid         NOT NULL,
    max_per_day     int,
    max_per_week    int,
    quiet_hours     varchar(11),
    windows         varchar(200),
    weekdays_only   boolean,
    floor_days      int,
    PRIMARY KEY (organisation_id, level, subject_id)
);

-- One row per learner who has anything planned or has chosen anything. Sending locks it (FOR UPDATE SKIP LOCKED), so
-- one node at a time decides a learner's next send and the cadence's limits hold across nodes.
CREATE TABLE delivery_learners (
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    paused          boolean                  NOT NULL DEFAULT FALSE,
    snoozed_until   timestamp with time zone,
    in_app          boolean                  NOT NULL DEFAULT TRUE,
    email           boolean                  NOT NULL DEFAULT TRUE,
    PRIMARY KEY (organisation_id, user_id)
);

-- A manager's rule: a trigger of this type whose attributes match every condition brings the lesson (or the program)
-- to its learner at a time relative to the event: offset_minutes after it (negative: before), or, with at_time, on
-- the day day_offset days from the event's date, at that time of the learner's wall clock.
CREATE TABLE trigger_rules (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    trigger_type    varchar(80)              NOT NULL,
    name            varchar(120)             NOT NULL,
    lesson_id       uuid,
    program_id      uuid,
    offset_minutes  int                      NOT NULL,
    day_offset      int                      NOT NULL,
    at_time         varchar(5),
    created_at      timestamp with time zone NOT NULL
);

CREATE INDEX trigger_rules_by_type ON trigger_rules (organisation_id, trigger_type);

CREATE TABLE trigger_rule_conditions (
    rule_id   uuid         NOT NULL REFERENCES trigger_rules (id) ON DELETE CASCADE,
    attribute varchar(64)  NOT NULL,
    expected  varchar(500) NOT NULL,
    PRIMARY KEY (rule_id, attribute)
);

-- Every trigger received, once per idempotency key and organisation.
CREATE TABLE triggers (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    idempotency_key varchar(200)             NOT NULL,
    trigger_type    varchar(80)              NOT NULL,
    user_id         uuid                     NOT NULL,
    event_at        timestamp with time zone NOT NULL,
    attributes      text                     NOT NULL,
    received_at     timestamp with time zone NOT NULL,
    CONSTRAINT triggers_once_per_key UNIQUE (organisation_id, idempotency_key)
);

-- What is planned for a learner: a triggered lesson (reason TRIGGERED), available from available_at and sent at the
-- first time the cadence allows from send_at. Status PLANNED until sent (SENT, with the send that brought it), made
-- pointless (COMPLETED: the learner did the lesson first; LATE: the event had passed), or folded into another send.
CREATE TABLE deliveries (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    reason          varchar(20)              NOT NULL,
    trigger_id      uuid,
    rule_id         uuid,
    lesson_id       uuid,
    program_id      uuid,
    title           varchar(200)             NOT NULL,
    minutes         int                      NOT NULL,
    available_at    timestamp with time zone NOT NULL,
    send_at         timestamp with time zone NOT NULL,
    status          varchar(12)              NOT NULL,
    send_id         uuid
);

CREATE INDEX deliveries_due ON deliveries (status, send_at);
CREATE INDEX deliveries_by_learner ON deliveries (organisation_id, user_id, status);
CREATE INDEX deliveries_by_trigger ON deliveries (trigger_id);

-- The send log: one row per nudge that went out, with the one item it brought (learning.NextUp) and its channels.
-- In-app sends are the learner's notifications (read_at); emailed_at is set once the mail was handed over.
CREATE TABLE delivery_sends (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    kind            varchar(24)              NOT NULL,
    title           varchar(200)             NOT NULL,
    path            varchar(200)             NOT NULL,
    minutes         int                      NOT NULL,
    in_app          boolean                  NOT NULL,
    email           boolean                  NOT NULL,
    sent_at         timestamp with time zone NOT NULL,
    sent_by         varchar(100)             NOT NULL,
    read_at         timestamp with time zone,
    emailed_at      timestamp with time zone
);

CREATE INDEX delivery_sends_by_learner ON delivery_sends (organisation_id, user_id, sent_at);

-- The key that signs one-click unsubscribe links, sealed under the master key (identity's SecretSeal): one row.
CREATE TABLE delivery_keys (
    id          int          NOT NULL PRIMARY KEY,
    sealed      bytea        NOT NULL,
    sealed_with varchar(64)  NOT NULL
);
