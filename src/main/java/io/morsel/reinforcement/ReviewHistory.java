package io.morsel.reinforcement;

import java.util.List;
import java.util.UUID;

/**
 * An organisation's review log, read for fitting its FSRS weights ({@link Optimizer}): every review of every card of
 * the organisation, in order of card and time.
 */
public interface ReviewHistory {

	/** The organisation's reviews, ordered by card, then by time. */
	List<LoggedReview> reviewsOf(UUID organisationId);

	/** How many reviews the organisation's log holds. */
	int countOf(UUID organisationId);
}
