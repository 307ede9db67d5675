-- Delivery channels beyond in-app and email (docs/delivery.md, "Channels"): Slack, Microsoft Teams and signed
-- webhooks, set per organisation and chosen per learner, and the outbox of messages to them with its retries and
-- dead letters. target is the address a message goes to where it is fixed when it is written (the learner's Teams
-- workflow, Slack's response_url); Slack's API and the webhook are read from the settings when it is posted, so a
-- corrected address reaches replayed dead letters.

-- One row per organisation that set its channels. Secrets (Slack's bot token and signing secret, the webhook's
-- signing secret) rest sealed under the master key (identity's SecretSeal). slack_api is Slack's Web API address,
-- https://slack.com/api unless the workspace lives elsewhere (GovSlack).
CREATE TABLE delivery_channel_settings (
    organisation_id      uuid         NOT NULL PRIMARY KEY,
    slack_enabled        boolean      NOT NULL DEFAULT FALSE,
    slack_api            varchar(300) NOT NULL,
    slack_token          bytea,
    slack_signing_secret bytea,
    teams_enabled        boolean      NOT NULL DEFAULT FALSE,
    webhook_url          varchar(500),
    webhook_secret       bytea,
    sealed_with          varchar(64)
);

-- Each learner's choice of Slack (with their Slack member id) and Teams (with the address of their own Teams
-- workflow that posts to their chat).
ALTER TABLE delivery_learners ADD COLUMN slack boolean NOT NULL DEFAULT FALSE;
ALTER TABLE delivery_learners ADD COLUMN slack_user varchar(40);
ALTER TABLE delivery_learners ADD COLUMN teams boolean NOT NULL DEFAULT FALSE;
ALTER TABLE delivery_learners ADD COLUMN teams_url varchar(500);

-- One message per send and channel (SLACK, TEAMS, WEBHOOK, and SLACK_REPLY: the feedback that replaces a Slack message
-- once its question is answered), written in the transaction that records the send. A node
-- takes a PENDING message due at next_attempt_at by moving claimed_until ahead (FOR UPDATE SKIP LOCKED), posts it
-- outside any transaction, then records the outcome: DELIVERED, PENDING again with a later next_attempt_at (backoff
-- or Retry-After), or DEAD (given up: the dead-letter list an administrator can replay).
CREATE TABLE delivery_channel_messages (
    id              uuid                     NOT NULL PRIMARY KEY,
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    send_id         uuid                     NOT NULL,
    channel         varchar(12)              NOT NULL,
    target          varchar(500),
    payload         text                     NOT NULL,
    status          varchar(10)              NOT NULL,
    attempts        int                      NOT NULL DEFAULT 0,
    next_attempt_at timestamp with time zone NOT NULL,
    claimed_until   timestamp with time zone,
    last_error      varchar(500),
    delivered_at    timestamp with time zone,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT delivery_channel_messages_once UNIQUE (send_id, channel)
);

CREATE INDEX delivery_channel_messages_due ON delivery_channel_messages (status, next_attempt_at);
CREATE INDEX delivery_channel_messages_by_organisation ON delivery_channel_messages (organisation_id, status);

-- A learner's subscription to a program as a series: a nudge a day at a time of their wall clock, for days days.
-- Each day's nudge is a planned delivery of reason SERIES (in deliveries); the next is planned when one goes out.
-- Status ACTIVE, PAUSED (nothing planned until resumed), LEFT, or FINISHED once days_sent reaches days.
CREATE TABLE delivery_series (
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    program_id      uuid                     NOT NULL,
    days            int                      NOT NULL,
    at_time         varchar(5)               NOT NULL,
    status          varchar(8)               NOT NULL,
    days_sent       int                      NOT NULL DEFAULT 0,
    subscribed_at   timestamp with time zone NOT NULL,
    PRIMARY KEY (organisation_id, user_id, program_id)
);

-- The skills (catalog's) a learner follows as topics: their catalog can be narrowed to lessons of these.
CREATE TABLE delivery_topics (
    organisation_id uuid NOT NULL,
    user_id         uuid NOT NULL,
    skill_id        uuid NOT NULL,
    PRIMARY KEY (organisation_id, user_id, skill_id)
);

-- The floor (docs/delivery.md, "Floor"): when the learner last completed a lesson, and when they last got a floor
-- nudge, so that the hourly planner nudges a learner once after floor_days without learning, not every hour.
ALTER TABLE delivery_learners ADD COLUMN last_learned_at timestamp with time zone;
ALTER TABLE delivery_learners ADD COLUMN floor_nudged_at timestamp with time zone;
