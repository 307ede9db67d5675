-- Seeds the delivery benchmark (bench/delivery/README.md) on PostgreSQL, after Flyway made the schema: organisation
-- "bench-delivery", of its own, with :learners learners in four time zones, each enrolled in one program and never
-- having learnt, so that the hourly floor planner (floor of one day, the organisation's cadence) plans one nudge for
-- each: one day of deliveries. :program, :lesson and :quiet are filled in by DeliveryBench.
INSERT INTO users (id, email, name, time_zone, language, created_at)
SELECT md5('bench-learner/' || i)::uuid, 'learner' || i || '@bench-delivery.test', 'Learner ' || i,
       (ARRAY['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])[1 + i % 4], 'en', now()
FROM generate_series(1, :learners) i;

INSERT INTO memberships (id, organisation_id, user_id, joined_at)
SELECT md5('bench-membership/' || i)::uuid, '00000000-0000-0000-0000-00000000d001', md5('bench-learner/' || i)::uuid,
       now()
FROM generate_series(1, :learners) i;

INSERT INTO membership_roles (membership_id, role)
SELECT md5('bench-membership/' || i)::uuid, 'LEARNER'
FROM generate_series(1, :learners) i;

INSERT INTO enrolments (id, organisation_id, program_id, user_id, enrolled_at)
SELECT md5('bench-enrolment/' || i)::uuid, '00000000-0000-0000-0000-00000000d001', ':program'::uuid,
       md5('bench-learner/' || i)::uuid, now()
FROM generate_series(1, :learners) i;

-- Everyone takes nudges in the app and by email (the sink is the benchmark's own SMTP server).
INSERT INTO delivery_learners (organisation_id, user_id, in_app, email)
SELECT '00000000-0000-0000-0000-00000000d001', md5('bench-learner/' || i)::uuid, TRUE, TRUE
FROM generate_series(1, :learners) i;

-- The organisation's rhythm: a floor of one day, room for the day's nudge, and quiet hours of one minute twelve hours
-- away (in UTC; never now in the four zones), so that the run does not depend on the time of day it starts.
INSERT INTO delivery_cadences (organisation_id, level, subject_id, max_per_day, max_per_week, quiet_hours, windows,
                               weekdays_only, floor_days)
VALUES ('00000000-0000-0000-0000-00000000d001', 'ORGANISATION', '00000000-0000-0000-0000-00000000d001', 24, 100,
        ':quiet', NULL, FALSE, 1);

ANALYZE;
