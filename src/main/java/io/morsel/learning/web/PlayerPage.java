package io.morsel.learning.web;

import io.morsel.catalog.PlayableLesson;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Attempt;
import io.morsel.web.HtmlView;
import io.morsel.web.KeptFragments;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;

/**
 * The lesson player's page ({@code learning/lesson}), made fast by keeping what every learner of a published version
 * sees alike (ADR 0005, ADR 0007): the page is rendered once per version, language and header, with holes for the
 * learner's own part, which is all a request renders. The holes are which step is current, each question, whether
 * the lesson is complete, and the finish button of a lesson without questions. A question nobody has answered
 * is itself kept (its form, with the time it was shown and a fresh idempotency key put in); an answered one, or one with an error, is rendered
 * for the request. A page with a flash message is rendered whole from the same template.
 */
@Component
class PlayerPage {

	private static final String VIEW = "learning/lesson";

	private static final String INTERACTION = "learning/interaction";

	private final KeptFragments fragments;

	PlayerPage(KeptFragments fragments) {
		this.fragments = fragments;
	}

	/**
	 * @param shownAt when the page shows its questions (milliseconds since the epoch), for the time taken to answer
	 * @param model the request's model: a flash message, or a refused answer ({@code answerError} for the question
	 * {@code answerErrorFor})
	 */
	ModelAndView of(CurrentMember me, Attempt attempt, long shownAt, Model model) {
		var lesson = PlayableLesson.of(attempt.lesson());
		var holes = holes(lesson, attempt, shownAt, model);
		if (model.containsAttribute("flash")) {
			model.addAttribute("holes", holes);
			model.addAttribute("lesson", lesson);
			return new ModelAndView(VIEW, model.asMap());
		}
		var chrome = fragments.chrome(me);
		var key = Map.<String, Object>of("lesson", lesson.id(), "version", lesson.version(), "me", chrome);
		return new ModelAndView(new HtmlView(fragments.page(VIEW, key, Map.of("lesson", lesson, "me", chrome), holes)));
	}

	/**
	 * A fresh idempotency key for a question's form, so that the form sent twice (or again after an error) stores one
	 * answer and shows its feedback. Unique among one learner's answers to one question is all it needs, so it is
	 * drawn from the thread's generator rather than the slower secure one.
	 */
	static String answerKey() {
		var random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	private Map<String, String> holes(PlayableLesson lesson, Attempt attempt, long shownAt, Model model) {
		var errorFor = model.getAttribute("answerErrorFor") instanceof String interaction ? interaction : null;
		var error = model.getAttribute("answerError") instanceof String message ? message : null;
		var steps = lesson.steps();
		var current = Math.min(attempt.step(), steps.size() - 1);
		var holes = new HashMap<String, String>();
		for (int i = 0; i < steps.size(); i++) {
			holes.put("current-" + i, i == current ? " current" : "");
			var question = steps.get(i).interaction();
			if (question != null) {
				holes.put("question-" + i, question(lesson.id().value(), question, attempt, shownAt, errorFor, error));
			}
		}
		holes.put("status", attempt.completed() ? fragments.kept(VIEW, "complete") : "");
		holes.put("finish", attempt.lesson().content().interactions().isEmpty() && !attempt.completed()
				? fragments.once(VIEW, "finish", Map.of("lessonId", lesson.id().value())) : "");
		return holes;
	}

	private String question(UUID lesson, PlayableLesson.Question question, Attempt attempt, long shownAt,
			@Nullable String errorFor, @Nullable String error) {
		var answer = attempt.answers().get(question.id());
		if (answer == null && !question.id().equals(errorFor)) {
			return fragments.kept(INTERACTION, "interaction", Map.of("q", question, "lessonId", lesson),
					Map.of("shownAt", Long.toString(shownAt), "answerKey", answerKey()));
		}
		var variables = new HashMap<String, @Nullable Object>();
		variables.put("q", question);
		variables.put("answer", answer);
		variables.put("lessonId", lesson);
		variables.put("shownAt", shownAt);
		variables.put("answerKey", answerKey());
		variables.put("answerError", Objects.equals(question.id(), errorFor) ? error : null);
		variables.put("answerErrorFor", errorFor);
		return fragments.once(INTERACTION, "interaction", variables);
	}
}
