-- Pruning the search change log (issue 17; docs/adr/0019-per-node-search-indexes.md). One SQL for PostgreSQL and H2.

-- Each node's heartbeat: the change-log entry its index has applied (or, while it builds, the one the build reaches),
-- written every few seconds. A node seen recently is live; the log is pruned only below every live node's position.
CREATE TABLE search_positions (
    node_id        uuid                     PRIMARY KEY,
    applied_change bigint                   NOT NULL,
    seen_at        timestamp with time zone NOT NULL
);

-- The highest entry pruned so far (one row): a node whose index applied less than this missed entries nobody can read
-- any more, and builds its index again from the catalog.
CREATE TABLE search_pruned (
    id    smallint PRIMARY KEY,
    up_to bigint   NOT NULL,
    CONSTRAINT search_pruned_one CHECK (id = 1)
);
INSERT INTO search_pruned (id, up_to) VALUES (1, 0);

-- The organisations a full build indexes: every one that ever had an entry, kept here because pruning deletes entries.
CREATE TABLE search_organisations (
    organisation_id uuid PRIMARY KEY REFERENCES organisations (id)
);
INSERT INTO search_organisations (organisation_id)
SELECT DISTINCT organisation_id
FROM search_changes;
