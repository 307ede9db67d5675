-- Puts every lapsed skill of the benchmark back to mastered, so that the scan has the same work each round.
UPDATE skill_mastery
SET status = 'mastered', lapses_at = changed_at - interval '1 day'
WHERE organisation_id = '00000000-0000-0000-0000-00000000b001'
  AND status = 'lapsed';
DELETE FROM event_publication;
ANALYZE skill_mastery;
