-- Reinforcement (issue 12): each organisation's FSRS-6 weights and the last fit that decided them
-- (docs/reinforcement.md, "Fitting the weights"). Without a row, an organisation schedules with FSRS-6's defaults.
-- One row per organisation, replaced at each fit; the weights are a JSON array of the 21 numbers w0…w20, read and
-- written only by reinforcement. The log loss and binned RMSE are those of the weights in use before the fit and of
-- the fitted ones, on the same held-out reviews; improved says whether the fitted weights replaced the others.
CREATE TABLE organisation_fsrs_weights (
    organisation_id   uuid                     PRIMARY KEY REFERENCES organisations (id),
    weights           text                     NOT NULL,
    fitted_at         timestamp with time zone NOT NULL,
    review_count      int                      NOT NULL,
    held_out_reviews  int                      NOT NULL,
    log_loss_before   double precision         NOT NULL,
    rmse_before       double precision         NOT NULL,
    log_loss_after    double precision         NOT NULL,
    rmse_after        double precision         NOT NULL,
    improved          boolean                  NOT NULL
);
