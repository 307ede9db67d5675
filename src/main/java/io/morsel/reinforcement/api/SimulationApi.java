package io.morsel.reinforcement.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.reinforcement.Fsrs;
import io.morsel.reinforcement.Review;
import io.morsel.reinforcement.ReviewCard;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reinforcement", description = "FSRS-6 spaced repetition: simulate how parameters schedule reviews")
class SimulationApi {

	private final SmartValidator validator;

	SimulationApi(SmartValidator validator) {
		this.validator = validator;
	}

	/** One review's outcome: the card as FSRS leaves it. */
	record SimulatedStep(Instant at, @Schema(minimum = "1", maximum = "4") int rating,
			@Schema(allowableValues = { "New", "Learning", "Review", "Relearning" }) String state, double stability, double difficulty, Instant due,
			int scheduledDays) {

		static SimulatedStep of(Review review, ReviewCard card) {
			return new SimulatedStep(review.at(), review.rating().grade(), card.state().title(), card.stability(),
					card.difficulty(), card.due(), card.scheduledDays());
		}
	}

	record Simulation(List<SimulatedStep> steps) {
	}

	@PostMapping("/api/v1/reinforcement/simulate")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an admin")
	@Operation(summary = "For admins: replay one card's reviews through FSRS-6 with the given parameters",
			description = "Answers the card after every review: state, stability, difficulty, due time and interval. "
					+ "Every parameter is optional with FSRS-6's default; reviews are in chronological order, UTC.")
	Simulation simulate(@AuthenticationPrincipal CurrentMember me, @RequestBody SimulationRequest request)
			throws MethodArgumentNotValidException {
		// Roles first: a learner learns nothing from which of their fields would be invalid.
		if (!me.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators simulate schedules");
		}
		validate(request);
		var reviews = request.reviewList();
		var cards = new Fsrs(request.parameters()).replay(reviews);
		var steps = new ArrayList<SimulatedStep>(cards.size());
		for (int i = 0; i < cards.size(); i++) {
			steps.add(SimulatedStep.of(reviews.get(i), cards.get(i)));
		}
		return new Simulation(steps);
	}

	/** Validates as {@code @Valid} would, after the role check; failures answer like every other invalid body. */
	private void validate(SimulationRequest request) throws MethodArgumentNotValidException {
		var errors = new BeanPropertyBindingResult(request, "simulation");
		validator.validate(request, errors);
		if (errors.hasErrors()) {
			throw new MethodArgumentNotValidException(body(), errors);
		}
	}

	private static MethodParameter body() {
		try {
			return new MethodParameter(SimulationApi.class.getDeclaredMethod("simulate", CurrentMember.class,
					SimulationRequest.class), 1);
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException(e);
		}
	}
}
