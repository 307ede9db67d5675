-- Spring Modulith's persistent event publication log (schema v2), the outbox for domain events.
CREATE TABLE event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            varchar                  NOT NULL,
    event_type             varchar                  NOT NULL,
    serialized_event       varchar                  NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
