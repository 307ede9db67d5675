-- Search (issue 17): each organisation's synonyms, which widen its learners' queries (docs/api.md, "Search"). One row
-- per group of words and phrases that mean the same there ("sso, single sign-on, saml login"), as the administrator
-- wrote it; groups are replaced all at once. One SQL for PostgreSQL and H2 (STACK.md trap 8).
CREATE TABLE search_synonyms (
    organisation_id uuid          NOT NULL REFERENCES organisations (id),
    position        int           NOT NULL,
    words           varchar(500)  NOT NULL,
    PRIMARY KEY (organisation_id, position)
);
