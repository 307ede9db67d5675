package io.morsel.learning.web;

import io.morsel.catalog.InvalidResponseException;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.PlayableLesson;
import io.morsel.catalog.QuestionForms;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.SameOriginFrame;
import io.morsel.learning.Attempt;
import io.morsel.shared.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
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

/**
 * The player for an author's draft (ADR 0038), framed beside the studio's editor or opened on its own: the learner's
 * page, card by card, where an answer is judged and marked in place, "Try again" asks again, and the last answer shows
 * the score and the card at the lesson's end. The answers so far travel in a sealed cookie of the author's browser
 * ({@link PreviewCookie}); nothing is stored ({@link DraftPreviews}).
 */
@Controller
class PreviewController {

	private final DraftPreviews previews;
	private final PreviewCookie cookie;
	private final PlayerPage page;
	private final Clock clock;

	PreviewController(DraftPreviews previews, PreviewCookie cookie, PlayerPage page, Clock clock) {
		this.previews = previews;
		this.cookie = cookie;
		this.page = page;
		this.clock = clock;
	}

	@GetMapping("/lessons/{id}/preview")
	ModelAndView show(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") int step, @RequestParam(required = false) @Nullable String view,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			@CookieValue(name = PreviewCookie.NAME, required = false) @Nullable String kept,
			HttpServletRequest request, Model model) {
		var lesson = new LessonId(id);
		var attempt = previews.at(me, lesson, step, cookie.read(me, lesson, kept));
		SameOriginFrame.allow(request);
		return page.preview(attempt, PlayerView.of(view, keptView), clock.millis(), null, model);
	}

	/**
	 * An answer judged and marked, as the learner's would be, and kept in the run (replacing an earlier one); the one
	 * that completes the draft brings the lesson's end. A refused one comes back with what to fix.
	 */
	@PostMapping("/lessons/{id}/preview/answers/{interaction}")
	ModelAndView answer(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			@CookieValue(name = PreviewCookie.NAME, required = false) @Nullable String kept,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var lesson = new LessonId(id);
		var run = cookie.read(me, lesson, kept);
		var asking = previews.asking(me, lesson, interaction, run);
		var question = question(asking, interaction);
		Attempt shown;
		PlayerPage.Turn turn = null;
		try {
			var answered = run.answered(interaction, QuestionForms.read(question, form), clock.instant());
			shown = previews.answered(me, lesson, interaction, answered);
			cookie.keep(me, lesson, answered, request, response);
		}
		catch (InvalidRequestException | InvalidResponseException refused) {
			shown = asking;
			turn = PlayerPage.Turn.refused(interaction, refused.getMessage(), LessonController.sent(form), false);
		}
		SameOriginFrame.allow(request);
		if (htmx != null) {
			return fragment(shown, question, turn, model);
		}
		var whole = page.preview(shown, PlayerView.of(null, keptView), clock.millis(), turn, model);
		if (turn != null) {
			whole.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return whole;
	}

	/** "Try again": the question's form once more; its new answer replaces the one the run kept. */
	@GetMapping("/lessons/{id}/preview/practice/{interaction}")
	ModelAndView tryAgain(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			@CookieValue(name = PreviewCookie.NAME, required = false) @Nullable String kept,
			HttpServletRequest request, Model model) {
		var lesson = new LessonId(id);
		var asking = previews.asking(me, lesson, interaction, cookie.read(me, lesson, kept));
		SameOriginFrame.allow(request);
		if (htmx != null) {
			return fragment(asking, question(asking, interaction), null, model);
		}
		return page.preview(asking, PlayerView.of(null, keptView), clock.millis(), null, model);
	}

	/** A draft without questions, finished: its end, as a learner's "Finish" shows it. */
	@PostMapping("/lessons/{id}/preview/finish")
	String finish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@CookieValue(name = PreviewCookie.NAME, required = false) @Nullable String kept,
			HttpServletRequest request, HttpServletResponse response) {
		var lesson = new LessonId(id);
		previews.find(me, lesson);
		cookie.keep(me, lesson, cookie.read(me, lesson, kept).finish(clock.instant()), request, response);
		return "redirect:" + PreviewCookie.path(lesson) + "#lesson-end";
	}

	/** "Take it again" at the end: the run forgotten, the draft from its first step. */
	@PostMapping("/lessons/{id}/preview/restart")
	String restart(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, HttpServletRequest request,
			HttpServletResponse response) {
		var lesson = new LessonId(id);
		previews.find(me, lesson);
		cookie.clear(lesson, request, response);
		return "redirect:" + PreviewCookie.path(lesson);
	}

	private ModelAndView fragment(Attempt attempt, PlayableLesson.Question question, PlayerPage.@Nullable Turn turn,
			Model model) {
		model.addAllAttributes(page.variables(attempt, question, clock.millis(), turn));
		model.addAttribute("preview", true);
		model.addAttribute("end", turn == null ? page.end(null, attempt) : null);
		return new ModelAndView("learning/interaction :: answered", model.asMap());
	}

	private static PlayableLesson.Question question(Attempt attempt, String interaction) {
		var question = PlayableLesson.of(attempt.lesson()).steps().get(attempt.step()).interaction();
		if (question == null || !question.id().equals(interaction)) {
			throw new IllegalStateException("The attempt stands at " + interaction + "'s step");
		}
		return question;
	}
}
