package io.morsel.learning.api;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSlug;
import io.morsel.catalog.Programs;
import io.morsel.catalog.Score;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.learning.Attempts;
import io.morsel.learning.Enrolments;
import io.morsel.learning.IdempotencyKey;
import io.morsel.learning.Learner;
import io.morsel.learning.Progress;
import io.morsel.learning.ProgramProgress;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Learning", description = "Programs as the learner sees them, enrolment, answers with feedback, progress")
class LearningApi {

	private final Programs programs;
	private final Progress progress;
	private final Enrolments enrolments;
	private final Attempts attempts;

	LearningApi(Programs programs, Progress progress, Enrolments enrolments, Attempts attempts) {
		this.programs = programs;
		this.progress = progress;
		this.enrolments = enrolments;
		this.attempts = attempts;
	}

	/** The caller's way through a program, kept beside the program itself (which GET /api/v1/programs/{id} answers). */
	record ProgressView(UUID id, @Schema(pattern = ProgramSlug.PATTERN) String slug, String title, String outcome, @Nullable String description,
			boolean selfEnrol, boolean enrolled, @Nullable Instant dueAt, @Nullable LocalDate dueOn, long completed,
			int total, List<ProgramProgress.LessonStatus> lessons) {

		static ProgressView of(ProgramProgress p) {
			var program = p.program();
			return new ProgressView(program.id().value(), program.slug(), program.title(), program.outcome(),
					program.description(), program.selfEnrol(), p.enrolment() != null,
					p.enrolment() == null ? null : p.enrolment().dueAt(), p.enrolment() == null ? null : p.enrolment().dueOn(),
					p.completed(), p.total(), p.lessons());
		}
	}

	record FeedbackView(String interactionId, double credit, @Nullable Boolean correct, List<String> feedback,
			@Nullable String explanation, boolean lessonCompleted) {
	}

	record Assignment(@Nullable List<UUID> memberIds, @Nullable List<UUID> groupIds, @Nullable Instant dueAt) {
	}

	record Assigned(int newlyEnrolled) {
	}

	@GetMapping("/api/v1/programs")
	@Operation(summary = "The programs the caller may see, as POST and PUT answer them: authors get every program of "
			+ "the organisation; others those they are enrolled in (joined or assigned) or may join, enrolled first, "
			+ "with the lessons published so far. Progress: GET /api/v1/progress")
	List<Program> programs(@AuthenticationPrincipal CurrentMember me) {
		if (me.has(Role.AUTHOR)) {
			return programs.all(me.organisationId());
		}
		return progress.of(Learner.of(me)).stream().map(LearningApi::asLearnersSeeIt).toList();
	}

	@GetMapping("/api/v1/programs/{id}")
	@Operation(summary = "One program, as POST and PUT answer it; learners get the lessons published so far. "
			+ "Authors get an ETag (the program's revision) to send as If-Match when they change it. "
			+ "Progress: GET /api/v1/programs/{id}/progress")
	ResponseEntity<Program> program(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		if (me.has(Role.AUTHOR)) {
			var program = programs.find(me.organisationId(), new ProgramId(id))
				.orElseThrow(() -> new NotFoundException("not-found.program"));
			return ResponseEntity.ok().eTag(program.etag()).body(program);
		}
		return ResponseEntity.ok(progress.of(Learner.of(me), new ProgramId(id))
			.map(LearningApi::asLearnersSeeIt)
			.orElseThrow(() -> new NotFoundException("not-found.program")));
	}

	@GetMapping("/api/v1/progress")
	@Operation(summary = "The caller's progress in every program they are enrolled in or may join, enrolled first")
	List<ProgressView> everyProgress(@AuthenticationPrincipal CurrentMember me) {
		return progress.of(Learner.of(me)).stream().map(ProgressView::of).toList();
	}

	@GetMapping("/api/v1/programs/{id}/progress")
	@Operation(summary = "The caller's progress in one program: enrolment, due date, and each published lesson's status")
	ProgressView progressIn(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return progress.of(Learner.of(me), new ProgramId(id))
			.map(ProgressView::of)
			.orElseThrow(() -> new NotFoundException("not-found.program"));
	}

	/** The attempt a retake started (or the retake already under way). */
	record AttemptView(UUID lessonId, int version, boolean completed, Instant startedAt) {
	}

	@PostMapping("/api/v1/lessons/{id}/retakes")
	@Refuses(value = HttpStatus.CONFLICT, when = "The caller never started the lesson: there is nothing to retake")
	@Operation(summary = "Retake a completed lesson: a new attempt starts on the version learners now get, and the "
			+ "earlier attempts stay as they were (reports keep the first completed score). While the latest attempt is "
			+ "not complete, it is the retake: the same request sent twice starts one attempt")
	AttemptView retake(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		var attempt = attempts.retake(Learner.of(me), new LessonId(id));
		return new AttemptView(id, attempt.lesson().version(), attempt.completed(), attempt.startedAt());
	}

	@PostMapping("/api/v1/programs/{id}/enrolment")
	@Refuses(value = HttpStatus.CONFLICT, when = "The program is assigned by a manager; it cannot be joined")
	@Operation(summary = "Join a program that is open to learners; answered with the caller's progress in it")
	ProgressView enrol(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		enrolments.enrol(Learner.of(me), new ProgramId(id));
		return progressIn(me, id);
	}

	@PostMapping("/api/v1/programs/{id}/assignments")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is neither a manager nor an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "No such program, or a member outside the groups a manager manages")
	@Refuses(value = HttpStatus.CONFLICT, when = "The program is unpublished or archived")
	@Operation(summary = "For managers and admins: assign the program to members and groups, with an optional due date")
	Assigned assign(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody Assignment assignment) {
		return new Assigned(enrolments.assign(me, new ProgramId(id),
				assignment.memberIds() == null ? List.of() : assignment.memberIds().stream().map(MemberId::new).toList(),
				assignment.groupIds() == null ? List.of() : assignment.groupIds().stream().map(GroupId::new).toList(),
				assignment.dueAt()));
	}

	@PostMapping("/api/v1/attempts")
	@ApiResponse(responseCode = "201", description = "The answer is stored; its feedback",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedbackView.class)))
	@ApiResponse(responseCode = "200", description = "Sent again with its Idempotency-Key: the stored answer's feedback",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedbackView.class)))
	@Refuses(value = HttpStatus.NOT_FOUND, when = "No published lesson of the organisation has this id")
	@Refuses(value = HttpStatus.CONFLICT, when = "The interaction was answered already, or the lesson cannot complete yet")
	@Refuses(value = HttpStatus.UNPROCESSABLE_CONTENT, when = "The Idempotency-Key was sent before with another answer")
	@Operation(summary = "Answer one interaction of a published lesson; answered with the feedback at once (201), or "
			+ "with the stored answer's feedback (200) when sent again with the same Idempotency-Key")
	ResponseEntity<FeedbackView> answer(@AuthenticationPrincipal CurrentMember me,
			@Valid @RequestBody AnswerRequest answer,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		var feedback = attempts.answer(Learner.of(me), new LessonId(answer.lessonId()), answer.interactionId(),
				answer.response(), answer.timeTaken(), IdempotencyKey.parse(idempotencyKey), me.zone());
		Score score = feedback.score();
		return ResponseEntity.status(feedback.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new FeedbackView(feedback.interactionId(), score.credit(), score.correct(), score.feedback(),
					score.explanation(), feedback.lessonCompleted()));
	}

	/** The program with only its published lessons: one not yet published is the authors' business. */
	private static Program asLearnersSeeIt(ProgramProgress p) {
		var program = p.program();
		return program.withLessons(p.lessons().stream().map(ProgramProgress.LessonStatus::id).toList());
	}
}
