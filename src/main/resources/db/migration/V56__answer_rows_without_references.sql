-- Answers and review answers are written without foreign keys (docs/adr/0049-answer-rows-without-foreign-keys.md).
-- Each answer's reference to its attempt, and each review's to its card, made PostgreSQL look the row up again and
-- share-lock it (a WAL record per row), in the transaction that then updates that very row: the attempt's count, the
-- card's memory. A card's skills the same, in the transaction that inserts the card. The writers only ever reference
-- a row they lock or insert in the same transaction, and attempts and cards are never deleted, so the references
-- guarded nothing. On H2 the references have generated names and stay; the embedded database serves one node.
ALTER TABLE answers DROP CONSTRAINT IF EXISTS answers_attempt_id_fkey;
ALTER TABLE reviews DROP CONSTRAINT IF EXISTS reviews_card_id_fkey;
ALTER TABLE card_skills DROP CONSTRAINT IF EXISTS card_skills_card_id_fkey;
