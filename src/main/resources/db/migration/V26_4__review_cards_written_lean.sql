-- A card is written at a learner's first answer to an assessed question, in the transaction that takes a batch of
-- answers' first reviews (reinforcement.FirstReviews), so on the answer path. Its id is derived from organisation,
-- learner, lesson and question (Cards.idOf): the primary key already makes one card per learner and question, and the
-- second unique index cost every insert a second check and index entry. Its references to organisations and users go
-- too, as the answers and reviews tables never had them: each insert share-locked the organisation's one row, so every
-- batch of every node queued on that row's multixact, and organisations and members are never deleted (erasure
-- pseudonymises a member, docs/operations.md), so they guarded nothing. On H2 the references have generated names and
-- stay; the embedded database serves one node.
ALTER TABLE review_cards DROP CONSTRAINT review_cards_question;
ALTER TABLE review_cards DROP CONSTRAINT IF EXISTS review_cards_organisation_id_fkey;
ALTER TABLE review_cards DROP CONSTRAINT IF EXISTS review_cards_user_id_fkey;
