package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a learner can earn from an organisation: its name, description and criteria, its alignments to outside
 * frameworks, where it carries continuing-education credit the hours, and where its credentials expire, after how
 * many days ({@code validDays}); when the mastery behind a credential of it lapses, how many days its holder has to
 * refresh it before it is suspended ({@code graceDays}).
 */
public record Achievement(AchievementId id, OrganisationId organisationId, String name, String description,
		Criteria criteria, List<Alignment> alignments, @Nullable BigDecimal creditHours, @Nullable Integer validDays,
		Instant createdAt, int graceDays) {

	/** Days of grace when none is set. */
	public static final int DEFAULT_GRACE_DAYS = 30;

	public Achievement {
		alignments = List.copyOf(alignments);
		if (graceDays < 0) {
			throw new IllegalArgumentException("A grace period is zero days or more");
		}
	}

	/** An achievement with the default grace period. */
	public Achievement(AchievementId id, OrganisationId organisationId, String name, String description,
			Criteria criteria, List<Alignment> alignments, @Nullable BigDecimal creditHours, @Nullable Integer validDays,
			Instant createdAt) {
		this(id, organisationId, name, description, criteria, alignments, creditHours, validDays, createdAt,
				DEFAULT_GRACE_DAYS);
	}
}
