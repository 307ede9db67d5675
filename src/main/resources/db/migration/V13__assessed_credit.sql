-- The sum of the credits an attempt earned on the interactions that assess its lesson's objective, kept with the
-- attempt under its row lock like its count of answers (V12), so completing a lesson never reads the answers table
-- (ADR 0005). Which interactions assess the objective is written in the version's content, out of SQL's reach: an
-- attempt started before this migration keeps NULL, and its credit is summed from its answers when it completes.
ALTER TABLE lesson_attempts ADD COLUMN assessed_credit double precision;
ALTER TABLE lesson_attempts ALTER COLUMN assessed_credit SET DEFAULT 0;
