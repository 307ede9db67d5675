package io.morsel.learning.web;

import io.morsel.catalog.PlayableLesson;
import io.morsel.learning.Attempt;
import io.morsel.web.RenderedFragments;
import java.util.HashMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The lesson player's steps as HTML list items ({@code <li id="step-2" class="step current">}), each a block or an
 * interaction with the links to the next and previous step; the current step is the one a phone shows.
 * What every learner of the version sees alike comes from {@link RenderedFragments} (a block, the form of an unanswered
 * question, the links); only a learner's answers, and a form with an error, are rendered for the request.
 */
@Component
class PlayerSteps {

	private final RenderedFragments fragments;

	PlayerSteps(RenderedFragments fragments) {
		this.fragments = fragments;
	}

	/**
	 * @param shownAt when the page shows its questions (milliseconds since the epoch), for the time taken to answer
	 * @param errorFor the question a refused answer was for, with the {@code error} to show beside it
	 */
	String of(PlayableLesson lesson, Attempt attempt, int current, long shownAt, @Nullable String errorFor,
			@Nullable String error) {
		var id = lesson.id().value();
		var steps = lesson.steps();
		var out = new StringBuilder(8192);
		for (int i = 0; i < steps.size(); i++) {
			var step = steps.get(i);
			out.append("<li id=\"step-").append(i).append(i == current ? "\" class=\"step current\">" : "\" class=\"step\">");
			if (step.block() != null) {
				out.append(fragments.block(step.block(), id, lesson.version(), i));
			}
			var question = step.interaction();
			if (question != null) {
				var answer = attempt.answers().get(question.id());
				if (answer == null && !question.id().equals(errorFor)) {
					out.append(fragments.question(question, id, shownAt));
				}
				else {
					var variables = new HashMap<String, @Nullable Object>();
					variables.put("q", question);
					variables.put("answer", answer);
					variables.put("lessonId", id);
					variables.put("shownAt", shownAt);
					variables.put("answerError", Objects.equals(question.id(), errorFor) ? error : null);
					variables.put("answerErrorFor", errorFor);
					out.append(fragments.once("learning/interaction", "interaction", variables));
				}
			}
			out.append(fragments.nav(id, i, steps.size())).append("</li>\n");
		}
		return out.toString();
	}
}
