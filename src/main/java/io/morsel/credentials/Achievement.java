package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a learner can earn from an organisation: its name, description and criteria, its alignments to outside
 * frameworks, where it carries continuing-education credit the hours, and where its credentials expire, after how
 * many days ({@code validDays}).
 */
public record Achievement(AchievementId id, OrganisationId organisationId, String name, String description,
		Criteria criteria, List<Alignment> alignments, @Nullable BigDecimal creditHours, @Nullable Integer validDays,
		Instant createdAt) {

	public Achievement {
		alignments = List.copyOf(alignments);
	}
}
