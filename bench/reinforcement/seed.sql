-- Seeds the reinforcement benchmark (bench/reinforcement/README.md) on PostgreSQL, after Flyway made the schema:
-- organisation "bench" with 991 learners and 1,000,000 review cards: learner 0 has 10,000 (each with two reviews),
-- learners 1 to 990 1,000 each; every card builds one of 100 skills; every learner has mastered every skill of theirs,
-- about a fifth of them lapsing by now.
SELECT setseed(0.42);

INSERT INTO organisations (id, slug, name, created_at)
VALUES ('00000000-0000-0000-0000-00000000b001', 'bench', 'Bench', now());

INSERT INTO users (id, email, name, time_zone, language, created_at)
SELECT md5('user/' || i)::uuid, 'bench' || i || '@bench.test', 'Bench ' || i, 'UTC', 'en', now()
FROM generate_series(0, 990) i;

INSERT INTO memberships (id, organisation_id, user_id, joined_at)
SELECT md5('membership/' || i)::uuid, '00000000-0000-0000-0000-00000000b001', md5('user/' || i)::uuid, now()
FROM generate_series(0, 990) i;

INSERT INTO membership_roles (membership_id, role)
SELECT md5('membership/' || i)::uuid, 'LEARNER'
FROM generate_series(0, 990) i;

-- The 50 lessons the cards come from, published, each holding the 200 single-choice questions its cards ask (card n
-- asks question 'q<n>' of lesson n % 50), so that building the review looks up and shuffles real questions. Written
-- here rather than through the studio: 200 questions are far over any lesson length an organisation may publish.
INSERT INTO users (id, email, name, time_zone, language, created_at)
VALUES (md5('author')::uuid, 'author@bench.test', 'Bench author', 'UTC', 'en', now());

INSERT INTO lessons (id, organisation_id, created_by, created_at, draft_version, published_version)
SELECT md5('lesson/' || l)::uuid, '00000000-0000-0000-0000-00000000b001', md5('author')::uuid, now(), NULL, 1
FROM generate_series(0, 49) l;

INSERT INTO lesson_versions (lesson_id, version, organisation_id, title, objective, estimated_minutes, content,
                             saved_by, saved_at, published_at)
SELECT md5('lesson/' || l)::uuid, 1, '00000000-0000-0000-0000-00000000b001', 'Bench lesson ' || l,
       'Answer bench question ' || l || '.', 5,
       json_build_object('title', 'Bench lesson ' || l, 'objective', 'Answer bench question ' || l || '.',
                         'estimatedMinutes', 5, 'skills', json_build_array(),
                         'blocks', (SELECT json_agg(json_build_object('type', 'interaction', 'interaction',
                                        json_build_object('type', 'single-choice', 'id', 'q' || (l + 50 * j),
                                            'prompt', 'Bench question ' || (l + 50 * j) || '?',
                                            'options', json_build_array(
                                                json_build_object('id', 'a', 'text', 'Right', 'correct', true,
                                                                  'feedback', 'Because.'),
                                                json_build_object('id', 'b', 'text', 'Wrong', 'correct', false,
                                                                  'feedback', 'Not so.'),
                                                json_build_object('id', 'c', 'text', 'Also wrong', 'correct', false,
                                                                  'feedback', 'Not so either.')),
                                            'assessesObjective', true, 'explanation', null)) ORDER BY j)
                                  FROM generate_series(0, 199) j))::text,
       md5('author')::uuid, now(), now()
FROM generate_series(0, 49) l;

-- Cards in Review (state 2), last reviewed in the last 60 days, due when their stability says.
INSERT INTO review_cards (id, organisation_id, user_id, lesson_id, version, interaction_id, state, step, stability,
                          difficulty, elapsed_days, scheduled_days, due, last_review, reps, lapses)
SELECT md5('card/' || u || '/' || n)::uuid, '00000000-0000-0000-0000-00000000b001', md5('user/' || u)::uuid,
       md5('lesson/' || (n % 50))::uuid, 1, 'q' || n, 2, 0, c.stability, 5, 3, ceil(c.stability),
       c.last_review + c.stability * interval '1 day', c.last_review, 2, 0
FROM (SELECT 0 AS u, n FROM generate_series(0, 9999) n
      UNION ALL
      SELECT u, n FROM generate_series(1, 990) u, generate_series(0, 999) n) cards
CROSS JOIN LATERAL (SELECT 1 + random() * 60 AS stability,
                           now() - random() * 60 * interval '1 day' + (n - n) * interval '1 day' AS last_review) c;

-- Each learner's earliest due time, as the review writers keep it (learning's ReviewDueTimes; Today reads it).
INSERT INTO learner_review_due (organisation_id, user_id, earliest_due)
SELECT organisation_id, user_id, MIN(due)
FROM review_cards
WHERE organisation_id = '00000000-0000-0000-0000-00000000b001'
GROUP BY organisation_id, user_id;

INSERT INTO card_skills (card_id, organisation_id, user_id, skill_id)
SELECT id, organisation_id, user_id, md5('skill/' || (substr(interaction_id, 2)::int % 100))::uuid
FROM review_cards
WHERE organisation_id = '00000000-0000-0000-0000-00000000b001';

-- Learner 0's cards each have two reviews, right, days apart: what their skills page and the mastery check read.
INSERT INTO reviews (id, organisation_id, user_id, card_id, source, rating, response, credit, correct, time_taken_ms,
                     reviewed_at, state, stability, difficulty, due)
SELECT md5('review/' || c.id || '/' || k)::uuid, c.organisation_id, c.user_id, c.id, 'review', 3, NULL, 1, TRUE, 5000,
       c.last_review - (1 - k) * 10 * interval '1 day', 2, c.stability, 5, c.due
FROM review_cards c, generate_series(0, 1) k
WHERE c.user_id = md5('user/0')::uuid;

INSERT INTO skill_mastery (organisation_id, user_id, skill_id, status, changed_at, lapses_at, weakest_stability,
                           weakest_reviewed_at)
SELECT '00000000-0000-0000-0000-00000000b001', md5('user/' || u)::uuid, md5('skill/' || s)::uuid, 'mastered',
       now() - interval '20 days', now() + (random() * 60 - 12) * interval '1 day', 20, now() - interval '10 days'
FROM generate_series(0, 990) u, generate_series(0, 99) s;

ANALYZE;
