package io.morsel.learning;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Offers items of a module that learning does not know to the {@link NextUp} rule (the daily review of reinforcement,
 * the triggered lessons of delivery): a bean of this type in that module. Learning owns the interface so that
 * modules above it contribute without learning depending on them. It runs on every Today request and every
 * delivery: at most one cheap query.
 */
public interface NextUpSource {

	/**
	 * The kind of every item this source offers. A source is asked only while its kind could still win: once a more
	 * valuable item is found (the learner's assigned lesson due soon, say), a source of a less valuable kind is not
	 * asked at all, and its query is saved.
	 */
	NextUp.Kind kind();

	/** This module's candidates for the learner now, all of its {@link #kind()}; empty when it has none. */
	List<NextUp> candidates(Learner learner, ZoneId zone, Instant now);

	/**
	 * Whether this source may have a candidate for the learner now, judged from what Today read of their own rows,
	 * without asking the database: Today asks {@link #candidates} only when it says yes. It may say yes and then have
	 * none, never no and then have one; a source that cannot tell says yes.
	 */
	default boolean mayOffer(TodayReading reading, ZoneId zone, Instant now) {
		return true;
	}
}
