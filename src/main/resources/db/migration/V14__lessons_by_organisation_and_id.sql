-- A learner's pages read the lessons of their programs by id within their organisation. With the organisation alone
-- in the index, a prepared statement's generic plan read every lesson of the organisation and compared each with the
-- list of ids (a millisecond for an organisation of 1,500 lessons); with the id beside it, the index finds the listed
-- lessons themselves.
DROP INDEX lessons_by_organisation;
CREATE INDEX lessons_by_organisation ON lessons (organisation_id, id);
