package io.morsel.learning.web;

import io.morsel.catalog.Block;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.InvalidResponseException;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.Attempt;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An author's draft, played as a learner plays it, kept in no table: each request makes an attempt of its own from the
 * draft and the run the author's browser carries ({@link PreviewRun}), which no table, event or cache ever sees, so a
 * preview leaves no attempt, answer, review card or progress behind. The run's answers are judged again against the
 * draft as it is now (an edit may have changed a question, or removed it); once every question has one, the attempt is
 * complete, as a learner's would be. Only the organisation's authors find a draft; to anyone else it does not exist
 * (404), as drafts are not shown to learners anywhere else either.
 */
@Component
class DraftPreviews {

	private final Lessons lessons;
	private final Clock clock;

	DraftPreviews(Lessons lessons, Clock clock) {
		this.lessons = lessons;
		this.clock = clock;
	}

	/** The draft (or, without one, the published version) at {@code step}, counted from 0, as far as the run came. */
	Attempt at(CurrentMember author, LessonId id, int step, PreviewRun run) {
		var draft = draft(author, id);
		var steps = draft.content().blocks().size();
		// A draft without blocks yet still shows its title and objective, at step 0.
		if (step < 0 || step >= Math.max(steps, 1)) {
			throw new InvalidValueException("learning.refused.preview-no-such-step", steps, step);
		}
		return attempt(draft, step, run, null);
	}

	/**
	 * The draft at the step of {@code interaction}, as far as the run came, that question answered as the run says.
	 * @throws InvalidResponseException when the draft's question does not take the run's answer to it
	 */
	Attempt answered(CurrentMember author, LessonId id, String interaction, PreviewRun run) {
		var draft = draft(author, id);
		var given = run.answers().get(interaction);
		if (given == null) {
			throw new IllegalStateException("The run has no answer to " + interaction);
		}
		// Judging refuses a response the question does not take (InvalidResponseException), as for a learner's answer.
		interaction(draft, interaction).score(given.response());
		return attempt(draft, stepOf(draft, interaction), run, null);
	}

	/** The draft at the step of {@code interaction}, that question asked again, the run's other answers kept. */
	Attempt asking(CurrentMember author, LessonId id, String interaction, PreviewRun run) {
		var draft = draft(author, id);
		return attempt(draft, stepOf(draft, interaction), run, interaction);
	}

	private Attempt attempt(LessonVersion draft, int step, PreviewRun run, @Nullable String asked) {
		var answers = new HashMap<String, Attempt.Answer>();
		for (var interaction : draft.content().interactions()) {
			var given = run.answers().get(interaction.id());
			if (given == null || interaction.id().equals(asked)) {
				continue;
			}
			try {
				answers.put(interaction.id(), new Attempt.Answer(given.response(), interaction.score(given.response()),
						Instant.ofEpochMilli(given.at())));
			}
			catch (InvalidResponseException changed) {
				// The question was edited since (another type, an option removed): it is asked again.
			}
		}
		var now = clock.instant();
		var started = run.empty() ? now : Instant.ofEpochMilli(run.started());
		return new Attempt(UUID.randomUUID(), draft, step, Map.copyOf(answers), completedAt(draft, run, answers),
				started);
	}

	/**
	 * When the run completed the draft: at its last answer once every question has one, or when a lesson without
	 * questions was finished; the rule of a learner's attempt.
	 */
	private static @Nullable Instant completedAt(LessonVersion draft, PreviewRun run,
			Map<String, Attempt.Answer> answers) {
		var questions = draft.content().interactions().size();
		if (questions == 0) {
			return run.finished() == null ? null : Instant.ofEpochMilli(run.finished());
		}
		if (answers.size() < questions) {
			return null;
		}
		return answers.values().stream().map(Attempt.Answer::answeredAt).max(Instant::compareTo).orElseThrow();
	}

	/** Checks the author finds the draft, for a request that needs nothing else of it. */
	void find(CurrentMember author, LessonId id) {
		draft(author, id);
	}

	private LessonVersion draft(CurrentMember author, LessonId id) {
		if (!author.has(Role.AUTHOR)) {
			throw new NotFoundException("not-found.lesson");
		}
		return lessons.latest(author.organisationId(), id).orElseThrow(() -> new NotFoundException("not-found.lesson"));
	}

	private static Interaction interaction(LessonVersion draft, String id) {
		return draft.content()
			.interactions()
			.stream()
			.filter(i -> i.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.interaction"));
	}

	static int stepOf(LessonVersion draft, String interaction) {
		var blocks = draft.content().blocks();
		for (int i = 0; i < blocks.size(); i++) {
			if (blocks.get(i) instanceof Block.Question q && q.interaction().id().equals(interaction)) {
				return i;
			}
		}
		throw new NotFoundException("not-found.interaction");
	}
}
