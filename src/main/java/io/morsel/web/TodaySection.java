package io.morsel.web;

import io.morsel.identity.CurrentMember;

/**
 * A part another module puts on a learner's Today page, above their programs (the daily review, say), without the
 * page's module knowing it: a bean of this type in the contributing module. Today shows each in its {@code @Order}.
 * It runs on every Today request: at most one cheap query.
 */
public interface TodaySection {

	/** The section's HTML for this member, rendered now; empty when it has nothing to show. */
	String render(CurrentMember me);
}
