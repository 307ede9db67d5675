-- A lesson's "why" (issue 14): the line a learner reads when they open it and on the catalog's and program pages, as
-- programs have one (V49). It belongs to a version, like the title beside it: the version's content holds it too,
-- and this column lets lists read it without the content. At most 160 characters; null when the author wrote none.
ALTER TABLE lesson_versions ADD COLUMN why varchar(160);
