package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a lesson or program is in its life. Only {@link #PUBLISHED} content is offered to learners who have not
 * started it; learners keep what they did in any state, and reports keep showing it.
 */
public enum ContentStatus {

	/** A lesson never published: only authors see it, and it can be deleted. */
	DRAFT,
	/** Learners find it in the catalog and search, and can start it. */
	PUBLISHED,
	/** Taken down: newcomers no longer see it; learners who started it keep their history. */
	UNPUBLISHED,
	/** Put away: gone from the catalog and search, and from the authors' working list; it can be restored. */
	ARCHIVED;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ContentStatus of(boolean everPublished, boolean unpublished, boolean archived) {
		if (archived) {
			return ARCHIVED;
		}
		if (!everPublished) {
			return DRAFT;
		}
		return unpublished ? UNPUBLISHED : PUBLISHED;
	}
}
