package io.morsel.learning.web;

import io.morsel.catalog.Block;
import io.morsel.catalog.InvalidResponseException;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.PlayableLesson;
import io.morsel.catalog.QuestionForms;
import io.morsel.catalog.Response;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.AnsweredAt;
import io.morsel.learning.Attempt;
import io.morsel.learning.Attempts;
import io.morsel.learning.Feedback;
import io.morsel.learning.IdempotencyKey;
import io.morsel.learning.IdempotencyKeyReused;
import io.morsel.learning.Learner;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lesson player. A plain HTML page first: every answer is a form post that comes back to the same step, and a
 * refused one comes back with the learner's picks and what to fix. With htmx, an answer swaps only its interaction,
 * now marked. Once answered, a question can be tried again as practice, which is judged and never stored.
 */
@Controller
class LessonController {

	/** The fields a question's form sends (catalog/question :: fields), kept when a form is refused. */
	private static final List<String> ANSWER_FIELDS = List.of("optionIds", "text");

	private final Attempts attempts;
	private final PlayerPage page;
	private final Clock clock;

	LessonController(Attempts attempts, PlayerPage page, Clock clock) {
		this.attempts = attempts;
		this.page = page;
		this.clock = clock;
	}

	/**
	 * The lesson at the learner's step, or at {@code step}, which is saved (a step link, also through htmx). Asked for
	 * a {@code view} (cards or whole), the browser keeps it for its next lessons.
	 */
	@GetMapping("/lessons/{id}")
	ModelAndView show(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer step, @RequestParam(required = false) @Nullable String view,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var shown = PlayerView.of(view, keptView);
		if (view != null) {
			shown.keep(request, response);
		}
		var attempt = attempts.open(Learner.of(me), new LessonId(id));
		if (step != null && step != attempt.step()) {
			attempt = attempts.moveTo(Learner.of(me), attempt, step);
		}
		return page.of(me, attempt, shown, clock.millis(), null, model);
	}

	@PostMapping("/lessons/{id}/answers/{interaction}")
	ModelAndView answer(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView, Model model) {
		// Given offline and sent now (offline.js): stored at its time; a time out of bounds is refused, 400.
		var offline = AnsweredAt.parse(form.getFirst("answeredAt"), clock.instant());
		var answeredAt = offline == null ? clock.instant() : offline;
		var lesson = new LessonId(id);
		var attempt = attempts.open(Learner.of(me), lesson);
		var question = question(attempt, interaction);
		String error = null;
		@Nullable Feedback feedback = null;
		@Nullable Response response = null;
		try {
			response = QuestionForms.read(question, form);
			feedback = attempts.answer(Learner.of(me), lesson, interaction, response,
					timeTaken(form.getFirst("shownAt"), answeredAt), IdempotencyKey.parse(form.getFirst("answerKey")),
					me.zone(), answeredAt);
			// Sent again with its key (twice, or after an error): the answer stored then shows, as for the first.
		}
		catch (InvalidRequestException | InvalidResponseException | ConflictException | IdempotencyKeyReused refused) {
			error = refused.getMessage();
		}
		var completed = feedback != null && feedback.lessonCompleted();
		var turn = error == null ? null : PlayerPage.Turn.refused(interaction, error, sent(form), false);
		if (htmx == null && error == null) {
			var index = stepOf(attempt, interaction);
			return new ModelAndView("redirect:/lessons/" + id + "?step=" + index
					+ (completed ? "#lesson-end" : "#interaction-" + interaction));
		}
		// The attempt read once per answer: the one read above, with this answer in it (read again only when that is
		// not certain, Attempts.afterAnswer), or read again after a refusal, which may come of an answer given elsewhere.
		var updated = feedback != null && response != null
				? attempts.afterAnswer(Learner.of(me), attempt, feedback, response, answeredAt)
				: attempts.open(Learner.of(me), lesson);
		if (htmx == null) {
			return refusedPage(me, updated, PlayerView.of(null, keptView), turn, model);
		}
		// The answer marked in place, as the page shows it once answered: kept, so most answers render nothing.
		var kept = turn == null && !completed ? page.answered(updated, question) : null;
		if (kept != null) {
			return new ModelAndView(kept);
		}
		return fragment(updated, question, turn, completed ? page.end(Learner.of(me), updated) : null, model);
	}

	/** The question again, to practise: its form, sent to {@link #practise}. */
	@GetMapping("/lessons/{id}/practice/{interaction}")
	ModelAndView tryAgain(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView, Model model) {
		var attempt = attempts.open(Learner.of(me), new LessonId(id));
		var question = question(attempt, interaction);
		var turn = PlayerPage.Turn.practising(interaction);
		if (htmx == null) {
			return page.of(me, attempt, PlayerView.of(null, keptView), clock.millis(), turn, model);
		}
		return fragment(attempt, question, turn, null, model);
	}

	/** A practice answer: judged and marked, never stored; the scored answer stays. */
	@PostMapping("/lessons/{id}/practice/{interaction}")
	ModelAndView practise(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView, Model model) {
		var lesson = new LessonId(id);
		var attempt = attempts.open(Learner.of(me), lesson);
		var question = question(attempt, interaction);
		PlayerPage.Turn turn;
		try {
			var practice = attempts.practise(Learner.of(me), lesson, interaction, QuestionForms.read(question, form));
			turn = PlayerPage.Turn.practised(interaction, practice.marking(), practice.score());
		}
		catch (InvalidRequestException | InvalidResponseException | ConflictException refused) {
			turn = PlayerPage.Turn.refused(interaction, refused.getMessage(), sent(form), true);
		}
		if (htmx == null) {
			var shown = PlayerView.of(null, keptView);
			return turn.error() == null ? page.of(me, attempt, shown, clock.millis(), turn, model)
					: refusedPage(me, attempt, shown, turn, model);
		}
		return fragment(attempt, question, turn, null, model);
	}

	/** A new attempt at a completed lesson, on the version learners now get; two tabs asking land on the same one. */
	@PostMapping("/lessons/{id}/retake")
	String retake(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		attempts.retake(Learner.of(me), new LessonId(id));
		return "redirect:/lessons/" + id;
	}

	@PostMapping("/lessons/{id}/finish")
	String finish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		attempts.finish(Learner.of(me), new LessonId(id), me.zone());
		redirect.addFlashAttribute("flash", "flash.lesson.completed");
		return "redirect:/lessons/" + id + "#lesson-end";
	}

	/** The whole page again, the refused form with the learner's picks and what to fix: 422, as the form was. */
	private ModelAndView refusedPage(CurrentMember me, Attempt attempt, PlayerView shown, PlayerPage.@Nullable Turn turn,
			Model model) {
		var refused = page.of(me, attempt, shown, clock.millis(), turn, model);
		refused.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return refused;
	}

	/** One interaction for htmx to swap in, with the lesson's end below it when this answer completed the lesson. */
	private ModelAndView fragment(Attempt attempt, PlayableLesson.Question question, PlayerPage.@Nullable Turn turn,
			@Nullable LessonEnd end, Model model) {
		model.addAllAttributes(page.variables(attempt, question, clock.millis(), turn));
		model.addAttribute("end", end);
		return new ModelAndView("learning/interaction :: answered", model.asMap());
	}

	private static PlayableLesson.Question question(Attempt attempt, String interaction) {
		var playable = PlayableLesson.of(attempt.lesson());
		return playable.steps().get(stepOf(attempt, interaction)).interaction();
	}

	private static int stepOf(Attempt attempt, String interaction) {
		var blocks = attempt.lesson().content().blocks();
		for (int i = 0; i < blocks.size(); i++) {
			if (blocks.get(i) instanceof Block.Question q && q.interaction().id().equals(interaction)) {
				return i;
			}
		}
		throw new NotFoundException("not-found.interaction");
	}

	/** What the form sent of a question's fields, to show them again as they were. */
	static Map<String, List<String>> sent(MultiValueMap<String, String> form) {
		var sent = new HashMap<String, List<String>>();
		form.forEach((name, values) -> {
			if (ANSWER_FIELDS.contains(name) || name.startsWith("pair.") || name.startsWith("position.")) {
				sent.put(name, List.copyOf(values));
			}
		});
		return sent;
	}

	/**
	 * From when the page showed the question to when it was answered (now, unless it was given offline); nothing when
	 * the field is missing or implausible.
	 */
	private @Nullable Duration timeTaken(@Nullable String shownAt, @Nullable Instant answeredAt) {
		var answered = answeredAt == null ? clock.millis() : answeredAt.toEpochMilli();
		try {
			return shownAt == null ? null : Duration.ofMillis(answered - Long.parseLong(shownAt));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
