-- Authoring quality (issue 18): each organisation's publishing rules. Without a row an organisation keeps the
-- defaults: a vague or double objective is a warning, never a refusal, and a lesson estimated over 10 minutes is
-- refused. One SQL for PostgreSQL and H2.
CREATE TABLE authoring_settings (
    organisation_id             uuid                     PRIMARY KEY REFERENCES organisations (id),
    objectives_block_publishing boolean                  NOT NULL,
    max_lesson_minutes          int                      NOT NULL,
    changed_at                  timestamp with time zone NOT NULL
);
