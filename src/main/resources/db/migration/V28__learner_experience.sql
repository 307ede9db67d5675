-- A due date is the calendar date the manager picked, the same for a learner in any time zone. Until now only an
-- instant was kept (the start of the day after, in the manager's zone), which a learner elsewhere, or the same
-- learner reading it as a date, saw as the next day. due_at stays: the API's assignments give an instant.
ALTER TABLE enrolments ADD COLUMN due_on date;

-- Rows from before: due_at is the start of the day after the picked date in the manager's zone, so eleven hours
-- earlier, read in UTC, falls on the picked date for a manager anywhere from UTC-10:59 to UTC+13 (Hawaii to New
-- Zealand's summer); the few zones beyond (American Samoa, the Chatham Islands, Kiritimati) are a day off.
UPDATE enrolments
SET due_on = CAST((due_at - INTERVAL '11' HOUR) AT TIME ZONE 'UTC' AS date)
WHERE due_at IS NOT NULL;
