package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One version of a lesson. A published version never changes, so it may be cached for as long as one likes. */
public record LessonVersion(LessonId lessonId, int version, OrganisationId organisationId, LessonContent content,
		Instant savedAt, @Nullable Instant publishedAt) {

	public boolean published() {
		return publishedAt != null;
	}
}
