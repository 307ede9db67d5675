-- An organisation's brand (issue 14): its logo (a PNG or an inert SVG, checked when uploaded) and its colours, as
-- #rrggbb, each checked for contrast with the text and backgrounds it is used with when saved. No row, or a null,
-- means Morsel's own. changed_at versions the logo's address, so browsers keep it until it changes. One SQL for
-- PostgreSQL and H2.
CREATE TABLE organisation_brands (
    organisation_id uuid                     PRIMARY KEY REFERENCES organisations (id),
    primary_colour  varchar(7),
    accent_colour   varchar(7),
    logo            bytea,
    logo_type       varchar(20),
    changed_at      timestamp with time zone NOT NULL
);
