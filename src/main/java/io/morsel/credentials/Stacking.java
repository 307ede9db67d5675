package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.SkillId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which achievements a learner has now earned and does not hold yet: those whose rule their mastered skills, held
 * achievements and completed programs meet, then, each earned one counted as held, those that stack on them, until nothing more is earned.
 */
final class Stacking {

	private Stacking() {
	}

	/** The newly earned achievements, each after the ones it stacks on. */
	static List<Achievement> earned(List<Achievement> achievements, Set<SkillId> mastered, Set<AchievementId> held,
			Map<ProgramId, Double> completed) {
		var holding = new HashSet<>(held);
		var earned = new ArrayList<Achievement>();
		var changed = true;
		while (changed) {
			changed = false;
			for (var achievement : achievements) {
				if (!holding.contains(achievement.id()) && achievement.criteria().metBy(mastered, holding, completed)) {
					holding.add(achievement.id());
					earned.add(achievement);
					changed = true;
				}
			}
		}
		return earned;
	}
}
