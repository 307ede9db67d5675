package io.morsel.learning.api;

import io.morsel.catalog.ProgramId;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.learning.AssignedProgress;
import io.morsel.learning.Enrolments;
import io.morsel.learning.PersonProgress;
import io.morsel.learning.ProgramProgress.Status;
import io.morsel.learning.Reminders;
import io.morsel.learning.TeamProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Team", description = "The progress of the people a manager looks after, and reminders to the overdue")
class TeamApi {

	private final TeamProgress team;
	private final Reminders reminders;
	private final Enrolments enrolments;

	TeamApi(TeamProgress team, Reminders reminders, Enrolments enrolments) {
		this.enrolments = enrolments;
		this.team = team;
		this.reminders = reminders;
	}

	record TeamView(List<TeamMemberView> people) {
	}

	record TeamMemberView(UUID memberId, String name, String email, List<AssignmentView> programs) {

		static TeamMemberView of(PersonProgress p) {
			return new TeamMemberView(p.memberId().value(), p.name(), p.email(),
					p.programs().stream().map(AssignmentView::of).toList());
		}
	}

	/**
	 * @param averageScore the mean score (0 to 1) of the completed lessons that have one
	 * @param remindedAt when a manager last reminded the person of this program
	 */
	record AssignmentView(UUID programId, String title,
			@Schema(allowableValues = { "not-started", "in-progress", "completed" }) String status,
			@Nullable Instant dueAt, boolean overdue, int completedLessons, int totalLessons,
			@Nullable Instant lastActivityAt, @Nullable Instant remindedAt, @Nullable Double averageScore,
			List<LessonResultView> lessons) {

		static AssignmentView of(AssignedProgress a) {
			var average = a.averageScore();
			return new AssignmentView(a.programId().value(), a.title(), TeamApi.status(a.status()), a.dueAt(), a.overdue(),
					a.completedLessons(), a.totalLessons(), a.lastActivityAt(), a.remindedAt(),
					average.isPresent() ? average.getAsDouble() : null,
					a.lessons().stream().map(LessonResultView::of).toList());
		}
	}

	/** @param score the completed attempt's score, 0 to 1 */
	record LessonResultView(UUID lessonId, String title,
			@Schema(allowableValues = { "not-started", "in-progress", "completed" }) String status,
			@Nullable Double score, @Nullable Instant completedAt) {

		static LessonResultView of(AssignedProgress.LessonResult l) {
			return new LessonResultView(l.lessonId().value(), l.title(), TeamApi.status(l.status()), l.score(), l.completedAt());
		}
	}

	/**
	 * @param reminded how many overdue people got an email now
	 * @param alreadyRemindedToday how many had been reminded today already and got none
	 * @param failed how many could not be mailed
	 */
	record RemindersView(int reminded, int alreadyRemindedToday, int failed) {
	}

	@GetMapping("/api/v1/team/progress")
	@Operation(summary = "For managers and admins: the people the caller looks after (a manager those of the groups "
			+ "they manage, an admin everyone) against each program they are enrolled in, overdue first")
	TeamView progress(@AuthenticationPrincipal CurrentMember me) {
		return new TeamView(team.of(me).stream().map(TeamMemberView::of).toList());
	}

	@GetMapping("/api/v1/team/people/{id}")
	@Operation(summary = "For managers and admins: one person's progress; anyone the caller does not look after is "
			+ "not found")
	TeamMemberView person(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return TeamMemberView.of(team.of(me, new MemberId(id)));
	}

	@DeleteMapping("/api/v1/team/people/{memberId}/programs/{programId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "For managers and admins: remove the assignment of a program to a person the caller looks "
			+ "after; what they did in its lessons stays. A program the person joined themselves is not found")
	void unassign(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID memberId,
			@PathVariable UUID programId) {
		enrolments.unassign(me, new ProgramId(programId), new MemberId(memberId));
	}

	@PostMapping("/api/v1/team/programs/{id}/reminders")
	@Operation(summary = "For managers and admins: email a reminder to the overdue people of a program whom the caller "
			+ "looks after; each person gets at most one reminder a day")
	RemindersView remind(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		var sent = reminders.remindOverdue(me, new ProgramId(id));
		return new RemindersView(sent.reminded(), sent.alreadyToday(), sent.failed());
	}

	private static String status(Status status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
