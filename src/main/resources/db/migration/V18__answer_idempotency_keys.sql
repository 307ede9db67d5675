-- An answer may carry the idempotency key its client sent (the API's Idempotency-Key header, the player's hidden
-- field): the same answer sent again with the same key gets the stored feedback, not a refusal. The key is kept with
-- the answer it came with, written by the same INSERT; only an answer that conflicts with a stored one reads it.
ALTER TABLE answers ADD COLUMN idempotency_key varchar(128);
