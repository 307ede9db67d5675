package io.morsel.catalog;

import static io.morsel.catalog.InteractionType.EXERCISE;
import static io.morsel.catalog.InteractionType.MATCHING;
import static io.morsel.catalog.InteractionType.MULTIPLE_CHOICE;
import static io.morsel.catalog.InteractionType.ORDERING;
import static io.morsel.catalog.InteractionType.PICK_N;
import static io.morsel.catalog.InteractionType.SCENARIO;
import static io.morsel.catalog.InteractionType.SHORT_TEXT;
import static io.morsel.catalog.InteractionType.SINGLE_CHOICE;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A lesson version as a learner receives it: every block, but interactions without their answer key (which options
 * are right, accepted answers, feedback, explanations). Matching's right-hand items and ordering's items come
 * shuffled, in an order fixed per interaction so that a learner who resumes sees the same one.
 *
 * @param why the line on why to take it, for learners; null when its author wrote none
 */
public record PlayableLesson(LessonId id, int version, String title, String objective, int estimatedMinutes,
		List<Step> steps, @Nullable String why) {

	/** One block; {@code interaction} is set instead of {@code block} for an interaction. */
	public record Step(@Nullable Block block, @Nullable Question interaction) {
	}

	/** An interaction's question, without its answer key. */
	@Schema(name = "PlayableQuestion")
	public record Question(InteractionType type, String id, String prompt, boolean assessesObjective,
			@Nullable String situation, @Nullable Integer pick, List<Choice> options, List<Choice> left,
			List<Choice> right) {
	}

	/** Something to pick, match or order. */
	public record Choice(String id, String text) {
	}

	public static PlayableLesson of(LessonVersion version) {
		var steps = new ArrayList<Step>();
		for (var block : version.content().blocks()) {
			steps.add(block instanceof Block.Question q ? new Step(null, question(q.interaction(), version))
					: new Step(block, null));
		}
		var content = version.content();
		return new PlayableLesson(version.lessonId(), version.version(), content.title(), content.objective().text(),
				content.estimatedMinutes(), steps, content.why());
	}

	/**
	 * One interaction of the version as {@link #of} gives it (options in the same order), without making the others:
	 * what a review of one question shows.
	 */
	public static Optional<Question> question(LessonVersion version, String interactionId) {
		for (var block : version.content().blocks()) {
			if (block instanceof Block.Question q && q.interaction().id().equals(interactionId)) {
				return Optional.of(question(q.interaction(), version));
			}
		}
		return Optional.empty();
	}

	private static Question question(Interaction interaction, LessonVersion version) {
		var random = new Random((version.lessonId().value().toString() + version.version() + interaction.id()).hashCode());
		return switch (interaction) {
			case SingleChoice s -> choices(SINGLE_CHOICE, s.id(), s.prompt(), s.assessesObjective(), null, null, s.options());
			case MultipleChoice m -> choices(MULTIPLE_CHOICE, m.id(), m.prompt(), m.assessesObjective(), null, null, m.options());
			case PickN p -> choices(PICK_N, p.id(), p.prompt(), p.assessesObjective(), null, p.n(), p.options());
			case Scenario s -> choices(SCENARIO, s.id(), s.prompt(), s.assessesObjective(), s.situation(), null, s.options());
			case Matching m -> new Question(MATCHING, m.id(), m.prompt(), m.assessesObjective(), null, null, List.of(),
					m.pairs().stream().map(p -> new Choice(p.leftId(), p.left())).toList(),
					shuffled(m.pairs().stream().map(p -> new Choice(p.rightId(), p.right())).toList(), random));
			case Ordering o -> new Question(ORDERING, o.id(), o.prompt(), o.assessesObjective(), null, null,
					shuffled(o.items().stream().map(i -> new Choice(i.id(), i.text())).toList(), random), List.of(),
					List.of());
			case ShortText t -> new Question(SHORT_TEXT, t.id(), t.prompt(), t.assessesObjective(), null, null,
					List.of(), List.of(), List.of());
			case ApplicationExercise e -> new Question(EXERCISE, e.id(), e.prompt(), false, null, null, List.of(),
					List.of(), List.of());
		};
	}

	private static Question choices(InteractionType type, String id, String prompt, boolean assesses, @Nullable String situation,
			@Nullable Integer pick, List<Option> options) {
		return new Question(type, id, prompt, assesses, situation, pick,
				options.stream().map(o -> new Choice(o.id(), o.text())).toList(), List.of(), List.of());
	}

	/** Shuffled, and never left in the right order when there is another. */
	private static List<Choice> shuffled(List<Choice> inOrder, Random random) {
		var copy = new ArrayList<>(inOrder);
		Collections.shuffle(copy, random);
		if (copy.equals(inOrder) && copy.size() > 1) {
			Collections.rotate(copy, 1);
		}
		return List.copyOf(copy);
	}
}
