package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.SkillId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which achievements a learner has now earned and was never awarded: those whose rule their mastered skills, current
 * achievements and completed programs meet, then, each earned one counted as current, those that stack on them, until
 * nothing more is earned. Only a current credential (active: neither suspended nor revoked) counts towards another: a
 * larger credential must not stand on a part that no longer does. An achievement awarded once, in whatever state, is
 * never awarded again here: the currency rule reinstates a suspended one, and a revoked one stays revoked.
 */
final class Stacking {

	private Stacking() {
	}

	/**
	 * The newly earned achievements, each after the ones it stacks on.
	 *
	 * @param awarded every achievement the learner was ever awarded, in any state
	 * @param current those of them whose credential is active now
	 */
	static List<Achievement> earned(List<Achievement> achievements, Set<SkillId> mastered, Set<AchievementId> awarded,
			Set<AchievementId> current, Map<ProgramId, Double> completed) {
		var holding = new HashSet<>(current);
		var given = new HashSet<>(awarded);
		var earned = new ArrayList<Achievement>();
		var changed = true;
		while (changed) {
			changed = false;
			for (var achievement : achievements) {
				if (!given.contains(achievement.id()) && achievement.criteria().metBy(mastered, holding, completed)) {
					given.add(achievement.id());
					holding.add(achievement.id());
					earned.add(achievement);
					changed = true;
				}
			}
		}
		return earned;
	}
}
