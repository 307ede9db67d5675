package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One version of a lesson. A published version never changes, so it may be cached for as long as one likes.
 *
 * @param coverVersion when this version's cover was uploaded, in epoch milliseconds: its address's version
 *     ({@link Covers#path(OrganisationId, LessonVersion)}); 0 when it shows its pattern
 */
public record LessonVersion(LessonId lessonId, int version, OrganisationId organisationId, LessonContent content,
		Instant savedAt, @Nullable Instant publishedAt, long coverVersion) {

	public boolean published() {
		return publishedAt != null;
	}
}
