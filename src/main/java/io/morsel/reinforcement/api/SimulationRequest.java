package io.morsel.reinforcement.api;

import io.morsel.reinforcement.FsrsParameters;
import io.morsel.reinforcement.Rating;
import io.morsel.reinforcement.Review;
import io.morsel.reinforcement.Step;
import io.morsel.reinforcement.Weights;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A simulation as the API receives it: FSRS parameters, each optional with FSRS-6's default, and the reviews of one
 * card in chronological order. Every rule is checked before anything is computed, and every broken one is named with
 * its field ({@code weights[7]}, {@code reviews[3].at}).
 */
@SimulationRequest.Consistent
record SimulationRequest(
		@Schema(description = "w0…w20; FSRS-6's defaults when absent")
		@Nullable @Size(min = Weights.COUNT, max = Weights.COUNT, message = "{reinforcement.refused.simulation-weights-count}")
		List<@NotNull Double> weights,
		@Schema(description = "Probability of recall at which a card falls due", defaultValue = "0.9")
		@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
		Double desiredRetention,
		@ArraySchema(arraySchema = @Schema(description = "Learning steps of new cards", defaultValue = "[\"1m\",\"10m\"]"))
		@Nullable @Size(max = MAX_STEPS) List<@NotNull @Pattern(regexp = STEP, message = STEP_MESSAGE) String> learningSteps,
		@ArraySchema(arraySchema = @Schema(description = "Relearning steps after a lapse", defaultValue = "[\"10m\"]"))
		@Nullable @Size(max = MAX_STEPS) List<@NotNull @Pattern(regexp = STEP, message = STEP_MESSAGE) String> relearningSteps,
		@Schema(description = "Longest interval in days", defaultValue = "36500")
		@Nullable @Min(1) @Max(FsrsParameters.DEFAULT_MAXIMUM_INTERVAL) Integer maximumInterval,
		@Schema(description = "Same-day reviews use the short-term formula and new cards go through the learning steps", defaultValue = "true")
		@Nullable Boolean enableShortTerm,
		@Schema(description = "Spread intervals of 2.5 days and more a little, reproducibly", defaultValue = "false")
		@Nullable Boolean enableFuzz,
		@ArraySchema(arraySchema = @Schema(description = "The reviews of one card, oldest first"), maxItems = MAX_REVIEWS)
		@NotEmpty @Size(max = MAX_REVIEWS) List<@NotNull @Valid SimulatedReview> reviews) {

	/** As many reviews as fit, written compactly, within the API's body limit of 256 KB. */
	static final int MAX_REVIEWS = 5000;
	static final int MAX_STEPS = 20;
	static final String STEP = "\\d{1,6}[mhd]";
	static final String STEP_MESSAGE = "must be a whole number followed by m, h or d, such as \"10m\"";

	/** One review: when (UTC, kept to the millisecond) and how well the learner recalled, 1 (again) to 4 (easy). */
	record SimulatedReview(@Schema(example = "2026-01-05T09:00:00Z") @NotNull Instant at,
			@Schema(minimum = "1", maximum = "4") @NotNull @Min(1) @Max(4) Integer rating) {

		Review review() {
			return new Review(at.truncatedTo(ChronoUnit.MILLIS), Rating.of(rating));
		}
	}

	boolean shortTerm() {
		return enableShortTerm == null || enableShortTerm;
	}

	/** The scheduler's parameters; call only on a request that passed validation. */
	FsrsParameters parameters() {
		var defaults = FsrsParameters.DEFAULT;
		return new FsrsParameters(weights == null ? defaults.weights() : new Weights(weights),
				desiredRetention == null ? defaults.desiredRetention() : desiredRetention,
				learningSteps == null ? defaults.learningSteps() : learningSteps.stream().map(Step::parse).toList(),
				relearningSteps == null ? defaults.relearningSteps() : relearningSteps.stream().map(Step::parse).toList(),
				maximumInterval == null ? defaults.maximumInterval() : maximumInterval, shortTerm(),
				enableFuzz != null && enableFuzz);
	}

	List<Review> reviewList() {
		return reviews.stream().map(SimulatedReview::review).toList();
	}

	/** The rules between fields: each weight inside its range, and reviews in chronological order. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = ConsistencyCheck.class)
	@interface Consistent {

		String message() default "is inconsistent";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}

	static final class ConsistencyCheck implements ConstraintValidator<Consistent, SimulationRequest> {

		@Override
		public boolean isValid(SimulationRequest request, ConstraintValidatorContext context) {
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			var weights = request.weights();
			if (weights != null && weights.size() == Weights.COUNT) {
				for (int i = 0; i < Weights.COUNT; i++) {
					var value = weights.get(i);
					if (value == null) {
						continue;
					}
					var problem = Weights.problem(i, value);
					if (problem.isEmpty() && i == 19 && request.shortTerm() && value < 0.01) {
						problem = Optional.of("must be at least 0.01 with short-term scheduling on");
					}
					if (problem.isPresent()) {
						valid = false;
						context.buildConstraintViolationWithTemplate(escape(problem.get()))
							.addPropertyNode("weights")
							.addBeanNode()
							.inIterable()
							.atIndex(i)
							.addConstraintViolation();
					}
				}
			}
			var reviews = request.reviews();
			if (reviews != null) {
				Instant previous = null;
				for (int i = 0; i < reviews.size(); i++) {
					var review = reviews.get(i);
					if (review == null || review.at() == null) {
						continue;
					}
					if (previous != null && review.at().isBefore(previous)) {
						valid = false;
						context.buildConstraintViolationWithTemplate(
								"must not be before the review before it: reviews are in chronological order")
							.addPropertyNode("reviews")
							.addPropertyNode("at")
							.inIterable()
							.atIndex(i)
							.addConstraintViolation();
					}
					previous = review.at();
				}
			}
			return valid;
		}

		/** Bean Validation reads {…} and $ in a message template as expressions. */
		private static String escape(String message) {
			return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		}
	}
}
