package io.morsel.learning.web;

import io.morsel.catalog.Block;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Response;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.Attempt;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An author's draft, played as a learner plays it, kept nowhere: each request makes an attempt of its own (at the
 * asked step, with at most the one answer it judged) that no table, event or cache ever sees, so a preview leaves no
 * attempt, answer, review card or progress behind. Only the organisation's authors find a draft; to anyone else it does
 * not exist (404), as drafts are not shown to learners anywhere else either.
 */
@Component
class DraftPreviews {

	private final Lessons lessons;
	private final Clock clock;

	DraftPreviews(Lessons lessons, Clock clock) {
		this.lessons = lessons;
		this.clock = clock;
	}

	/** The draft (or, without one, the published version) at {@code step}, counted from 0. */
	Attempt at(CurrentMember author, LessonId id, int step) {
		var draft = draft(author, id);
		var steps = draft.content().blocks().size();
		// A draft without blocks yet still shows its title and objective, at step 0.
		if (step < 0 || step >= Math.max(steps, 1)) {
			throw new InvalidValueException("learning.refused.preview-no-such-step", steps, step);
		}
		return new Attempt(UUID.randomUUID(), draft, step, Map.of(), null, clock.instant());
	}

	/** The draft at the step of {@code interaction}, that one question answered with {@code response}, and marked. */
	Attempt answered(CurrentMember author, LessonId id, String interaction, Response response) {
		var draft = draft(author, id);
		// Judging refuses a response the question does not take (InvalidResponseException), as for a learner's answer.
		var answer = new Attempt.Answer(response, interaction(draft, interaction).score(response), clock.instant());
		return new Attempt(UUID.randomUUID(), draft, stepOf(draft, interaction), Map.of(interaction, answer), null,
				clock.instant());
	}

	/** The draft at the step of {@code interaction}, nothing answered. */
	Attempt asking(CurrentMember author, LessonId id, String interaction) {
		var draft = draft(author, id);
		return new Attempt(UUID.randomUUID(), draft, stepOf(draft, interaction), Map.of(), null, clock.instant());
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
