-- Failed sign-ins per account name (known or not), shared by every node.
CREATE TABLE sign_in_failures (
    account          varchar(254)             NOT NULL PRIMARY KEY,
    failures         int                      NOT NULL,
    first_failure_at timestamp with time zone NOT NULL,
    locked_until     timestamp with time zone
);
