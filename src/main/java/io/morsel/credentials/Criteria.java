package io.morsel.credentials;

import io.morsel.catalog.SkillId;
import io.morsel.shared.InvalidValueException;
import java.util.List;
import java.util.Set;

/**
 * What earns an achievement: in words for people ({@code narrative}), and as the rule Morsel evaluates — mastery of
 * every one of {@code skills} (as reinforcement decides mastery) and holding every one of {@code achievements}. The
 * second part is how achievements stack into larger ones. A rule needs at least one of the two.
 */
public record Criteria(String narrative, List<SkillId> skills, List<AchievementId> achievements) {

	public Criteria {
		if (narrative == null || narrative.isBlank() || narrative.length() > 2000) {
			throw new InvalidValueException("The criteria need a narrative of at most 2000 characters");
		}
		skills = List.copyOf(Set.copyOf(skills == null ? List.of() : skills));
		achievements = List.copyOf(Set.copyOf(achievements == null ? List.of() : achievements));
		if (skills.isEmpty() && achievements.isEmpty()) {
			throw new InvalidValueException("The criteria need at least one skill to master or achievement to hold");
		}
		if (skills.size() + achievements.size() > 50) {
			throw new InvalidValueException("The criteria name at most 50 skills and achievements together");
		}
		narrative = narrative.strip();
	}

	/** Whether a learner who masters these skills and holds these achievements meets the rule. */
	public boolean metBy(Set<SkillId> mastered, Set<AchievementId> held) {
		return mastered.containsAll(skills) && held.containsAll(achievements);
	}
}
