-- Every attempt keeps the credit its answers earned on interactions that assess the objective (V13), so the code no
-- longer sums an attempt's answers when the attempt has none kept. Attempts started before V13 still hold NULL; which
-- interactions assess the objective is written in the version's content, out of SQL's reach, so their true credit
-- cannot be computed here, and each is given the value that can do no harm:
-- - a completed attempt takes no more answers and its score has been announced, so its value is never read again: it
--   gets the credit of all its answers, which counts interactions that do not assess the objective too (an upper bound);
-- - an attempt still in progress gets 0: its answers so far do not count towards its score when it completes (a lower
--   bound). The credit of all its answers could exceed the number of interactions that assess the objective, and such
--   an attempt could never complete. Nothing had been released, so only development databases hold such attempts.
UPDATE lesson_attempts
SET assessed_credit = (SELECT COALESCE(SUM(credit), 0) FROM answers WHERE answers.attempt_id = lesson_attempts.id)
WHERE assessed_credit IS NULL
  AND completed_at IS NOT NULL;
UPDATE lesson_attempts
SET assessed_credit = 0
WHERE assessed_credit IS NULL;
ALTER TABLE lesson_attempts ALTER COLUMN assessed_credit SET DEFAULT 0;
ALTER TABLE lesson_attempts ALTER COLUMN assessed_credit SET NOT NULL;
