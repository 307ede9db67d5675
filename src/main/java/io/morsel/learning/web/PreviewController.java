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
 * page, card by card, where an answer is judged and marked in place and "Try again" asks again, and nothing is stored
 * ({@link DraftPreviews}). The step is the address's, not saved, and an answer is forgotten once the author moves on.
 */
@Controller
class PreviewController {

	private final DraftPreviews previews;
	private final PlayerPage page;
	private final Clock clock;

	PreviewController(DraftPreviews previews, PlayerPage page, Clock clock) {
		this.previews = previews;
		this.page = page;
		this.clock = clock;
	}

	@GetMapping("/lessons/{id}/preview")
	ModelAndView show(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") int step, @RequestParam(required = false) @Nullable String view,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			HttpServletRequest request, Model model) {
		var shown = PlayerView.of(view, keptView);
		var attempt = previews.at(me, new LessonId(id), step);
		SameOriginFrame.allow(request);
		return page.preview(attempt, shown, clock.millis(), null, model);
	}

	/** An answer judged and marked, as the learner's would be; a refused one comes back with what to fix. */
	@PostMapping("/lessons/{id}/preview/answers/{interaction}")
	ModelAndView answer(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			HttpServletRequest request, Model model) {
		var lesson = new LessonId(id);
		var asking = previews.asking(me, lesson, interaction);
		var question = question(asking, interaction);
		Attempt shown;
		PlayerPage.Turn turn = null;
		try {
			shown = previews.answered(me, lesson, interaction, QuestionForms.read(question, form));
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

	/** "Try again": the question's form once more, as if never answered, since the preview keeps no first answer. */
	@GetMapping("/lessons/{id}/preview/practice/{interaction}")
	ModelAndView tryAgain(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable String interaction,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@CookieValue(name = PlayerView.COOKIE, required = false) @Nullable String keptView,
			HttpServletRequest request, Model model) {
		var asking = previews.asking(me, new LessonId(id), interaction);
		SameOriginFrame.allow(request);
		if (htmx != null) {
			return fragment(asking, question(asking, interaction), null, model);
		}
		return page.preview(asking, PlayerView.of(null, keptView), clock.millis(), null, model);
	}

	private ModelAndView fragment(Attempt attempt, PlayableLesson.Question question, PlayerPage.@Nullable Turn turn,
			Model model) {
		model.addAllAttributes(page.variables(attempt, question, clock.millis(), turn));
		model.addAttribute("preview", true);
		model.addAttribute("end", null);
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
