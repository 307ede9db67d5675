package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one version of a lesson says: its title, its one objective, its estimated minutes, the skills it builds (by
 * name, as the organisation lists them) and its blocks in order. This is also the lesson's export format
 * (docs/lesson-format.md, docs/lesson.schema.json).
 */
public record LessonContent(String title, Objective objective, int estimatedMinutes, List<String> skills,
		List<Block> blocks) {

	public static final int MAX_MINUTES = 30;

	public LessonContent {
		Checks.text(title, "title", 120);
		if (objective == null) {
			throw new InvalidValueException("catalog.refused.lesson-needs-objective-sentence");
		}
		if (estimatedMinutes < 1 || estimatedMinutes > MAX_MINUTES) {
			throw new InvalidValueException("catalog.refused.estimated-duration-must-1-minutes", MAX_MINUTES);
		}
		skills = skills == null ? List.of() : List.copyOf(skills);
		skills.forEach(s -> Checks.text(s, "skill", 80));
		Checks.distinct(skills, s -> s, "Skill");
		if (blocks == null || blocks.isEmpty()) {
			throw new InvalidValueException("catalog.refused.lesson-needs-least-block");
		}
		if (blocks.size() > 40) {
			throw new InvalidValueException("catalog.refused.lesson-has-most-40-blocks-split");
		}
		blocks = List.copyOf(blocks);
		var ids = new HashSet<String>();
		for (var interaction : interactions(blocks).toList()) {
			if (!ids.add(interaction.id())) {
				throw new InvalidValueException("catalog.refused.interaction-id-appears-twice", interaction.id());
			}
		}
	}

	/** The lesson's interactions, in order. */
	public List<Interaction> interactions() {
		return interactions(blocks).toList();
	}

	private static Stream<Interaction> interactions(List<Block> blocks) {
		return blocks.stream().filter(Block.Question.class::isInstance).map(b -> ((Block.Question) b).interaction());
	}
}
