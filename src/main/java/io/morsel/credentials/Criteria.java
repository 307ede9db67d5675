package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.SkillId;
import io.morsel.shared.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What earns an achievement: in words for people ({@code narrative}), and as the rule Morsel evaluates — mastery of
 * every one of {@code skills} (as reinforcement decides mastery), holding every one of {@code achievements}, and
 * completing every one of {@code programs} (each of its published lessons completed), with, when
 * {@code minimumScore} is set, a mean lesson score of at least that many percent in each. The second part is how
 * achievements stack into larger ones. A rule needs at least one skill, achievement or program; a minimum score needs
 * a program to apply to.
 */
public record Criteria(String narrative, List<SkillId> skills, List<AchievementId> achievements,
		List<ProgramId> programs, @Nullable Integer minimumScore) {

	public Criteria {
		if (narrative == null || narrative.isBlank() || narrative.length() > 2000) {
			throw new InvalidValueException("credentials.refused.criteria-need-narrative-most-2000-characters");
		}
		skills = List.copyOf(Set.copyOf(skills == null ? List.of() : skills));
		achievements = List.copyOf(Set.copyOf(achievements == null ? List.of() : achievements));
		programs = List.copyOf(Set.copyOf(programs == null ? List.of() : programs));
		if (skills.isEmpty() && achievements.isEmpty() && programs.isEmpty()) {
			throw new InvalidValueException("credentials.refused.criteria-need-least-skill-master-achievement");
		}
		if (skills.size() + achievements.size() + programs.size() > 50) {
			throw new InvalidValueException("credentials.refused.criteria-name-most-50-skills-achievements");
		}
		if (minimumScore != null && (minimumScore < 1 || minimumScore > 100)) {
			throw new InvalidValueException("credentials.refused.minimum-score-percentage-1-100");
		}
		if (minimumScore != null && programs.isEmpty()) {
			throw new InvalidValueException("credentials.refused.minimum-score-applies-lessons-program-name");
		}
		narrative = narrative.strip();
	}

	/** Criteria of skills and achievements only. */
	public Criteria(String narrative, List<SkillId> skills, List<AchievementId> achievements) {
		this(narrative, skills, achievements, List.of(), null);
	}

	/** Whether a learner who masters these skills and holds these achievements meets the rule (programs apart). */
	public boolean metBy(Set<SkillId> mastered, Set<AchievementId> held) {
		return mastered.containsAll(skills) && held.containsAll(achievements);
	}

	/**
	 * Whether the rule holds, programs included: {@code completed} holds the learner's completed programs, each with
	 * its mean lesson score (0 to 1).
	 */
	public boolean metBy(Set<SkillId> mastered, Set<AchievementId> held, Map<ProgramId, Double> completed) {
		if (!metBy(mastered, held)) {
			return false;
		}
		for (var program : programs) {
			var score = completed.get(program);
			if (score == null || minimumScore != null && score * 100 < minimumScore - 1e-9) {
				return false;
			}
		}
		return true;
	}
}
