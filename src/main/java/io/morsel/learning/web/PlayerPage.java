package io.morsel.learning.web;

import io.morsel.catalog.Covers;
import io.morsel.catalog.Marking;
import io.morsel.catalog.PlayableLesson;
import io.morsel.catalog.Response;
import io.morsel.catalog.Score;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Attempt;
import io.morsel.learning.Learner;
import io.morsel.web.KeptFragments;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The lesson player's page ({@code learning/lesson}), made fast by keeping what every learner of a published version
 * sees alike (ADR 0005, ADR 0007): the page is rendered once per version, language and header, with holes for the
 * learner's own part, which is all a request renders. The holes are the view (card by card or whole) with its
 * progress header (kept per step), which step is current, each question, whether
 * the lesson is complete, and the finish button of a lesson without questions. A question nobody has answered
 * is itself kept (its form, with the time it was shown and a fresh idempotency key put in), and so is one answered by
 * picking, matching or ordering (marked in place, kept per question and answer); a written answer, one with an error or
 * one being practised is rendered for the request, and so is the card at the lesson's end, below the answer that
 * completed it. The kept page goes out as kept UTF-8 bytes ({@link KeptFragments#view}). A page with a flash message
 * is rendered whole from the same template.
 */
@Component
class PlayerPage {

	private static final String VIEW = "learning/lesson";

	private static final String INTERACTION = "learning/interaction";

	private final KeptFragments fragments;
	private final LessonEnds ends;
	private final Covers covers;

	PlayerPage(KeptFragments fragments, LessonEnds ends, Covers covers) {
		this.fragments = fragments;
		this.ends = ends;
		this.covers = covers;
	}

	/**
	 * What a request does at one question besides showing it: an answer refused (its message, and what the form sent,
	 * so the learner's picks stay), or practice after the scored answer (its form, or a practice answer marked).
	 */
	record Turn(String interaction, @Nullable String error, Map<String, List<String>> sent, boolean practising,
			@Nullable Practised practised) {

		static Turn refused(String interaction, String error, Map<String, List<String>> sent, boolean practising) {
			return new Turn(interaction, error, sent, practising, null);
		}

		static Turn practising(String interaction) {
			return new Turn(interaction, null, Map.of(), true, null);
		}

		static Turn practised(String interaction, Marking marking, Score score) {
			return new Turn(interaction, null, Map.of(), false, new Practised(marking, score));
		}
	}

	/** A practice answer, marked; never stored. */
	record Practised(Marking marking, Score score) {
	}

	/**
	 * @param view one step at a time, or the whole lesson
	 * @param shownAt when the page shows its questions (milliseconds since the epoch), for the time taken to answer
	 * @param turn what this request does at one question, if anything; that question's step is the current one
	 * @param model the request's model: a flash message
	 */
	ModelAndView of(CurrentMember me, Attempt attempt, PlayerView view, long shownAt, @Nullable Turn turn,
			Model model) {
		var lesson = PlayableLesson.of(attempt.lesson());
		var holes = holes(Learner.of(me), lesson, attempt, view, shownAt, turn);
		// The version and the brand (in the chrome) make the cover's address: the page's key needs nothing more.
		var cover = covers.path(me.organisationId(), attempt.lesson());
		if (model.containsAttribute("flash")) {
			model.addAttribute("holes", holes);
			model.addAttribute("lesson", lesson);
			model.addAttribute("cover", cover);
			return new ModelAndView(VIEW, model.asMap());
		}
		var chrome = fragments.chrome(me);
		var key = Map.<String, Object>of("lesson", lesson.id(), "version", lesson.version(), "me", chrome);
		return new ModelAndView(fragments.view(VIEW, key, Map.of("lesson", lesson, "me", chrome, "cover", cover), holes));
	}

	/**
	 * An author's draft played in the preview (ADR 0038): the same template and holes as a learner's page, rendered for
	 * this request only (a draft changes without a new version number, so its page is not kept), with every link and
	 * form going to the preview's routes. The attempt is made for the request from the author's run and stored nowhere;
	 * it completes as a learner's does, showing the score and the card at the lesson's end.
	 */
	ModelAndView preview(Attempt attempt, PlayerView view, long shownAt, @Nullable Turn turn, Model model) {
		var lesson = PlayableLesson.of(attempt.lesson());
		model.addAttribute("holes", holes(null, lesson, attempt, view, shownAt, turn));
		model.addAttribute("lesson", lesson);
		model.addAttribute("cover", covers.path(attempt.lesson().organisationId(), attempt.lesson()));
		model.addAttribute("preview", true);
		return new ModelAndView(VIEW, model.asMap());
	}

	/**
	 * What {@code learning/interaction :: interaction} needs to show one question of the attempt: its form, its answer
	 * marked, or the turn's error or practice.
	 */
	Map<String, @Nullable Object> variables(Attempt attempt, PlayableLesson.Question question, long shownAt,
			@Nullable Turn turn) {
		var mine = turn != null && turn.interaction().equals(question.id()) ? turn : null;
		var answer = attempt.answers().get(question.id());
		var variables = new HashMap<String, @Nullable Object>();
		variables.put("q", question);
		variables.put("answer", answer);
		variables.put("lessonId", attempt.lesson().lessonId().value());
		variables.put("shownAt", shownAt);
		variables.put("answerKey", answerKey());
		variables.put("answerError", mine == null ? null : mine.error());
		variables.put("answerErrorFor", question.id());
		variables.put("sent", mine == null ? null : mine.sent());
		variables.put("practising", mine != null && mine.practising());
		variables.put("practised", mine == null ? null : mine.practised());
		variables.put("marking", answer == null ? null : marking(attempt, question.id(), answer));
		return variables;
	}

	/** The card at the lesson's end, for a complete attempt; without a learner, the author's preview's. */
	@Nullable LessonEnd end(@Nullable Learner learner, Attempt attempt) {
		if (!attempt.completed()) {
			return null;
		}
		return learner == null ? LessonEnds.preview(attempt) : ends.of(learner, attempt);
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

	/** The learner's own parts of the page; without a learner, the author's preview's. */
	private Map<String, String> holes(@Nullable Learner learner, PlayableLesson lesson, Attempt attempt, PlayerView view,
			long shownAt, @Nullable Turn turn) {
		var preview = learner == null;
		var steps = lesson.steps();
		var current = Math.min(attempt.step(), steps.size() - 1);
		for (int i = 0; turn != null && i < steps.size(); i++) {
			var question = steps.get(i).interaction();
			if (question != null && question.id().equals(turn.interaction())) {
				current = i;
			}
		}
		var last = lastAnswered(attempt);
		var end = end(learner, attempt);
		var holes = new HashMap<String, String>();
		holes.put("mode", view.whole() ? " whole" : " cards");
		holes.put("progress", fragments.kept(VIEW, "progress", Map.of("lessonId", lesson.id().value(), "index", current,
				"size", steps.size(), "whole", view.whole(), "preview", preview), Map.of()));
		for (int i = 0; i < steps.size(); i++) {
			holes.put("current-" + i, i == current ? " current" : "");
			var question = steps.get(i).interaction();
			if (question != null) {
				var html = question(attempt, question, shownAt, turn, preview);
				holes.put("question-" + i,
						end != null && question.id().equals(last) ? html + endCard(end, preview) : html);
			}
		}
		holes.put("status", status(lesson, attempt, preview));
		var withoutQuestions = attempt.lesson().content().interactions().isEmpty();
		if (withoutQuestions) {
			holes.put("finish", end != null ? endCard(end, preview)
					: fragments.once(VIEW, "finish", Map.of("lessonId", lesson.id().value(), "preview", preview)));
		}
		else {
			holes.put("finish", "");
		}
		return holes;
	}

	private String question(Attempt attempt, PlayableLesson.Question question, long shownAt, @Nullable Turn turn,
			boolean preview) {
		var answer = attempt.answers().get(question.id());
		var turnHere = turn != null && question.id().equals(turn.interaction());
		if (answer == null && !turnHere) {
			return fragments.kept(INTERACTION, "interaction",
					Map.of("q", question, "lessonId", attempt.lesson().lessonId().value(), "preview", preview),
					Map.of("shownAt", Long.toString(shownAt), "answerKey", answerKey()));
		}
		if (answer != null && !turnHere && !(answer.response() instanceof Response.Text)) {
			// An answer marked in place is made of the question and what was picked (its score and marking follow from
			// them), so it is kept too: learners pick from few options, and a page of answered questions would
			// otherwise render each one for every request. The time it was given is not shown, so it is left out of
			// the key. Written answers are rendered for the request: nearly every one is different.
			return fragments.kept(INTERACTION, "interaction", marked(attempt, question, answer, preview), Map.of());
		}
		var variables = variables(attempt, question, shownAt, turn);
		variables.put("preview", preview);
		return fragments.once(INTERACTION, "interaction", variables);
	}

	/**
	 * The question answered, as htmx swaps it in after the answer: the kept fragment the page shows for it, sent as
	 * kept bytes; null when it is not kept (a written answer, or none), for the caller to render.
	 */
	@Nullable View answered(Attempt attempt, PlayableLesson.Question question) {
		var answer = attempt.answers().get(question.id());
		if (answer == null || answer.response() instanceof Response.Text) {
			return null;
		}
		return fragments.fragmentView(INTERACTION, "interaction", marked(attempt, question, answer, false));
	}

	/** What an answer marked in place is made of, so what it is kept under. */
	private static Map<String, Object> marked(Attempt attempt, PlayableLesson.Question question, Attempt.Answer answer,
			boolean preview) {
		return Map.of("q", question, "lessonId", attempt.lesson().lessonId().value(), "preview", preview, "answer",
				new Attempt.Answer(answer.response(), answer.score(), Instant.EPOCH), "marking",
				marking(attempt, question.id(), answer));
	}

	private String endCard(LessonEnd end, boolean preview) {
		return fragments.once(INTERACTION, "end", Map.of("end", end, "preview", preview));
	}

	/** "Lesson complete" in the header; in the preview, its way out goes back to the editor rather than to Today. */
	private String status(PlayableLesson lesson, Attempt attempt, boolean preview) {
		if (!attempt.completed()) {
			return "";
		}
		return preview ? fragments.once(VIEW, "complete", Map.of("preview", true, "lessonId", lesson.id().value()))
				: fragments.kept(VIEW, "complete");
	}

	private static Marking marking(Attempt attempt, String question, Attempt.Answer answer) {
		var interaction = attempt.lesson()
			.content()
			.interactions()
			.stream()
			.filter(i -> i.id().equals(question))
			.findFirst()
			.orElseThrow();
		return Marking.of(interaction, answer.response());
	}

	/** The question answered last: the one whose answer completed the lesson, where the learner is looking. */
	private static @Nullable String lastAnswered(Attempt attempt) {
		return attempt.answers()
			.entrySet()
			.stream()
			.max(Comparator.comparing((Map.Entry<String, Attempt.Answer> e) -> e.getValue().answeredAt()))
			.map(Map.Entry::getKey)
			.orElse(null);
	}
}
