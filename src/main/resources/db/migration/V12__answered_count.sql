-- How many interactions of its version an attempt has answered: kept with the attempt, under the attempt's row lock,
-- so completing a lesson never has to count the answers table (ADR 0005).
ALTER TABLE lesson_attempts ADD COLUMN answered int NOT NULL DEFAULT 0;
UPDATE lesson_attempts SET answered = (SELECT count(*) FROM answers WHERE answers.attempt_id = lesson_attempts.id);
