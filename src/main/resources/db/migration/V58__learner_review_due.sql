-- The earliest time any review card of a learner's falls due, so that Today reads it with the learner's other rows
-- and asks for the cards due only when one may be (docs/adr/0050-today-asks-for-reviews-only-when-one-may-be-due.md).
-- Learning owns the row; reinforcement keeps it, through learning's ReviewDueTimes, in the transaction that makes or
-- reschedules a card. No row: the learner has no card.
CREATE TABLE learner_review_due (
    organisation_id uuid                     NOT NULL,
    user_id         uuid                     NOT NULL,
    earliest_due    timestamp with time zone NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);

INSERT INTO learner_review_due (organisation_id, user_id, earliest_due)
SELECT organisation_id, user_id, MIN(due)
FROM review_cards
GROUP BY organisation_id, user_id;
