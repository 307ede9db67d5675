package io.morsel.learning.web;

import io.morsel.catalog.InvalidResponseException;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.PlayableLesson;
import io.morsel.catalog.QuestionForms;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Attempts;
import io.morsel.learning.IdempotencyKey;
import io.morsel.learning.IdempotencyKeyReused;
import io.morsel.learning.Learner;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lesson player. A plain HTML page first: every answer is a form post that comes back to the same step. With
 * htmx, an answer swaps only its interaction, now showing the feedback.
 */
@Controller
class LessonController {

	private final Attempts attempts;
	private final PlayerPage page;
	private final Clock clock;

	LessonController(Attempts attempts, PlayerPage page, Clock clock) {
		this.attempts = attempts;
		this.page = page;
		this.clock = clock;
	}

	@GetMapping("/lessons/{id}")
	ModelAndView show(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer step, Model model) {
		var lesson = new LessonId(id);
		var attempt = attempts.open(Learner.of(me), lesson);
		if (step != null && step != attempt.step()) {
			attempts.moveTo(Learner.of(me), lesson, step);
			attempt = attempts.open(Learner.of(me), lesson);
		}
		return page.of(me, attempt, clock.millis(), model);
	}

	@PostMapping("/lessons/{id}/answers/{interaction}")
	String answer(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable String interaction,
			@RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		var lesson = new LessonId(id);
		var attempt = attempts.open(Learner.of(me), lesson);
		var playable = PlayableLesson.of(attempt.lesson());
		var index = stepOf(playable, interaction);
		var question = playable.steps().get(index).interaction();
		String error = null;
		var completed = false;
		try {
			var feedback = attempts.answer(Learner.of(me), lesson, interaction, QuestionForms.read(question, form),
					timeTaken(form.getFirst("shownAt")), IdempotencyKey.parse(form.getFirst("answerKey")));
			// Sent again with its key (twice, or after an error): the answer stored then shows, as for the first.
			completed = feedback.lessonCompleted();
		}
		catch (InvalidRequestException | InvalidResponseException | ConflictException | IdempotencyKeyReused refused) {
			error = refused.getMessage();
		}
		if (htmx == null) {
			if (error != null) {
				redirect.addFlashAttribute("answerError", error);
				redirect.addFlashAttribute("answerErrorFor", interaction);
			}
			return "redirect:/lessons/" + id + "?step=" + index + "#interaction-" + interaction;
		}
		var updated = attempts.open(Learner.of(me), lesson);
		model.addAttribute("answerError", error);
		model.addAttribute("answerErrorFor", interaction);
		model.addAttribute("q", question);
		model.addAttribute("answer", updated.answers().get(interaction));
		model.addAttribute("lessonId", id);
		model.addAttribute("shownAt", clock.millis());
		model.addAttribute("answerKey", Objects.requireNonNullElseGet(form.getFirst("answerKey"), PlayerPage::answerKey));
		model.addAttribute("justCompleted", completed);
		model.addAttribute("attempt", updated);
		return "learning/interaction :: answered";
	}

	@PostMapping("/lessons/{id}/finish")
	String finish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		attempts.finish(Learner.of(me), new LessonId(id));
		redirect.addFlashAttribute("flash", "flash.lesson.completed");
		return "redirect:/lessons/" + id;
	}

	private static int stepOf(PlayableLesson lesson, String interaction) {
		for (int i = 0; i < lesson.steps().size(); i++) {
			var question = lesson.steps().get(i).interaction();
			if (question != null && question.id().equals(interaction)) {
				return i;
			}
		}
		throw new NotFoundException("Interaction");
	}

	/** From when the page showed the question to now; nothing when the field is missing or implausible. */
	private @Nullable Duration timeTaken(@Nullable String shownAt) {
		try {
			return shownAt == null ? null : Duration.ofMillis(clock.millis() - Long.parseLong(shownAt));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
