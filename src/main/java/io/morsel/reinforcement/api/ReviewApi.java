package io.morsel.reinforcement.api;

import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.DailyReview;
import io.morsel.reinforcement.ReviewItem;
import io.morsel.reinforcement.ReviewOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reinforcement")
class ReviewApi {

	private final DailyReview review;

	ReviewApi(DailyReview review) {
		this.review = review;
	}

	/** One question of today's review, options in this showing's order, without the answer key. */
	record ReviewItemView(UUID cardId, UUID reviewItemId, UUID lessonId, String lessonTitle, Question question) {

		static ReviewItemView of(ReviewItem item) {
			return new ReviewItemView(item.cardId(), item.reviewItemId(), item.lessonId().value(), item.lessonTitle(),
					item.question());
		}
	}

	record DueReview(List<ReviewItemView> items, long minutes) {
	}

	/** The feedback of a review answer, as POST /api/v1/attempts gives it, and the card's new schedule. */
	record ReviewFeedback(UUID cardId, UUID reviewItemId, double credit, @Nullable Boolean correct,
			List<String> feedback, @Nullable String explanation, int rating, String state, Instant due,
			double stability, double difficulty) {

		static ReviewFeedback of(ReviewOutcome outcome) {
			var score = outcome.score();
			return new ReviewFeedback(outcome.item().cardId(), outcome.item().reviewItemId(), score.credit(),
					score.correct(), score.feedback(), score.explanation(), outcome.rating().grade(),
					outcome.state().title(), outcome.due(), outcome.stability(), outcome.difficulty());
		}
	}

	@GetMapping("/api/v1/reinforcement/review")
	@Operation(summary = "Today's review for the caller: the questions due on their review day, at most the daily cap",
			description = "Questions from different lessons and skills take turns. Each item names its card and the review item "
					+ "it is shown as: send both back with the answer. Empty when nothing is due; the backlog beyond "
					+ "the cap is never told.")
	DueReview due(@AuthenticationPrincipal CurrentMember me) {
		var items = review.today(Learner.of(me), me.zone()).stream().map(ReviewItemView::of).toList();
		return new DueReview(items, items.isEmpty() ? 0 : DailyReview.minutes(items.size()));
	}

	@PostMapping("/api/v1/reinforcement/reviews")
	@Operation(summary = "Answer one review question; answered with the feedback and the card's new due time",
			description = "The review item's id is the idempotency key: the same one sent again returns the stored "
					+ "result (200) and changes nothing. The answer fields are those of POST /api/v1/attempts.")
	@ApiResponse(responseCode = "201", description = "Reviewed: the card is rescheduled")
	@ApiResponse(responseCode = "200", description = "A replay: this review item was answered already")
	@ApiResponse(responseCode = "400", description = "The answer does not fit the question, or a field is missing")
	@ApiResponse(responseCode = "404", description = "No such card of the caller's")
	ResponseEntity<ReviewFeedback> answer(@AuthenticationPrincipal CurrentMember me,
			@Valid @RequestBody ReviewRequest request) {
		var outcome = review.answer(Learner.of(me), request.cardId(), request.reviewItemId(),
				question -> request.response(), request.timeTaken());
		return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ReviewFeedback.of(outcome));
	}
}
