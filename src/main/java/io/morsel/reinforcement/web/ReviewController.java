package io.morsel.reinforcement.web;

import io.morsel.catalog.InvalidResponseException;
import io.morsel.catalog.QuestionForms;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.DailyReview;
import io.morsel.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The daily review page: one question at a time, as plain forms first. An answer is a post that redirects to its
 * outcome (so a reload shows it again and changes nothing); with htmx, the answer swaps the question for its feedback.
 */
@Controller
class ReviewController {

	static final String VIEW = "reinforcement/review";

	private final DailyReview review;
	private final Clock clock;

	ReviewController(DailyReview review, Clock clock) {
		this.review = review;
		this.clock = clock;
	}

	@GetMapping("/review")
	String next(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("item", review.next(Learner.of(me), me.zone()).orElse(null));
		model.addAttribute("outcome", null);
		model.addAttribute("shownAt", clock.millis());
		return VIEW;
	}

	@GetMapping("/review/answers/{reviewItemId}")
	String outcome(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID reviewItemId, Model model) {
		model.addAttribute("item", null);
		model.addAttribute("outcome", review.outcome(Learner.of(me), reviewItemId));
		return VIEW;
	}

	@PostMapping("/review/answers")
	String answer(@AuthenticationPrincipal CurrentMember me, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		var cardId = uuid(form.getFirst("cardId"), "cardId");
		var reviewItemId = uuid(form.getFirst("reviewItemId"), "reviewItemId");
		try {
			var outcome = review.answer(Learner.of(me), cardId, reviewItemId, question -> QuestionForms.read(question, form),
					timeTaken(form.getFirst("shownAt")));
			if (htmx == null) {
				return "redirect:/review/answers/" + reviewItemId;
			}
			model.addAttribute("outcome", outcome);
			return VIEW + " :: answered(outcome=${outcome})";
		}
		catch (InvalidResponseException refused) {
			if (htmx == null) {
				redirect.addFlashAttribute("answerError", refused.getMessage());
				return "redirect:/review";
			}
			model.addAttribute("item", review.show(Learner.of(me), cardId));
			model.addAttribute("answerError", refused.getMessage());
			model.addAttribute("shownAt", clock.millis());
			return VIEW + " :: question(item=${item})";
		}
	}

	private static UUID uuid(@Nullable String value, String field) {
		try {
			if (value != null) {
				return UUID.fromString(value);
			}
		}
		catch (IllegalArgumentException e) {
			// Refused below, as a missing one.
		}
		throw new InvalidRequestException("reinforcement.refused.form-has-no-valid", field);
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
