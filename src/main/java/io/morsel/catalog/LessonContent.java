package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.morsel.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What one version of a lesson says: its title, its one objective, its estimated minutes, the skills it builds (by
 * name, as the organisation lists them), its blocks in order, and the line telling learners why to take it. This is
 * also the lesson's export format (docs/lesson-format.md, docs/lesson.schema.json).
 *
 * @param why why to take it, in the learners' words (at most {@link #MAX_WHY} characters; not linted, since it need
 *     not be measurable); null when the author wrote none
 */
public record LessonContent(String title, Objective objective, int estimatedMinutes, List<String> skills,
		List<Block> blocks,
		// Left out of the lesson format when there is none, so lessons without one export as they always did.
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(maxLength = Program.MAX_WHY) @Nullable String why) {

	public static final int MAX_MINUTES = 30;

	/** The line on why to take a lesson is as long as a program's (catalog.Program). */
	public static final int MAX_WHY = Program.MAX_WHY;

	/** A lesson without a line on why to take it. */
	public LessonContent(String title, Objective objective, int estimatedMinutes, List<String> skills,
			List<Block> blocks) {
		this(title, objective, estimatedMinutes, skills, blocks, null);
	}

	public LessonContent {
		Checks.text(title, "title", 120);
		why = why == null || why.isBlank() ? null : why.strip();
		if (why != null && why.length() > MAX_WHY) {
			throw new InvalidValueException("catalog.refused.lesson-why-most-characters", MAX_WHY, why.length());
		}
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

	/** The same lesson with this line on why to take it (blank: none). */
	public LessonContent withWhy(@Nullable String line) {
		return new LessonContent(title, objective, estimatedMinutes, skills, blocks, line);
	}

	/** The lesson's interactions, in order. */
	public List<Interaction> interactions() {
		return interactions(blocks).toList();
	}

	private static Stream<Interaction> interactions(List<Block> blocks) {
		return blocks.stream().filter(Block.Question.class::isInstance).map(b -> ((Block.Question) b).interaction());
	}
}
