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
			throw new InvalidValueException("A lesson needs its objective: one sentence");
		}
		if (estimatedMinutes < 1 || estimatedMinutes > MAX_MINUTES) {
			throw new InvalidValueException("The estimated duration must be 1 to " + MAX_MINUTES + " minutes");
		}
		skills = skills == null ? List.of() : List.copyOf(skills);
		skills.forEach(s -> Checks.text(s, "skill", 80));
		Checks.distinct(skills, s -> s, "Skill");
		if (blocks == null || blocks.isEmpty()) {
			throw new InvalidValueException("A lesson needs at least one block");
		}
		if (blocks.size() > 40) {
			throw new InvalidValueException("A lesson has at most 40 blocks; split it into two lessons");
		}
		blocks = List.copyOf(blocks);
		var ids = new HashSet<String>();
		for (var interaction : interactions(blocks).toList()) {
			if (!ids.add(interaction.id())) {
				throw new InvalidValueException("Interaction id '" + interaction.id() + "' appears twice");
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
