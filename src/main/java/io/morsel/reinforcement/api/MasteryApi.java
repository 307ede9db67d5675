package io.morsel.reinforcement.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.MasteryThresholds;
import io.morsel.reinforcement.SkillMastery;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reinforcement")
class MasteryApi {

	private final SkillMastery mastery;
	private final Clock clock;
	private final Directory directory;

	MasteryApi(SkillMastery mastery, Clock clock, Directory directory) {
		this.directory = directory;
		this.mastery = mastery;
		this.clock = clock;
	}

	/** Where the learner stands with one skill (docs/reinforcement.md, "Mastery"). */
	record SkillView(UUID skillId, String name,
			@Schema(description = "Predicted recall now: the weakest of the skill's cards'; 0 when not started") double recall,
			@Schema(description = "The weakest card's stability, in days") double stability,
			@Schema(allowableValues = { "mastered", "learning", "not-started", "lapsed" }) String status,
			@Schema(description = "The learner's cards of the skill") int items,
			@Nullable Instant lastReviewedAt) {

		static SkillView of(SkillMastery.SkillStanding standing) {
			return new SkillView(standing.skillId().value(), standing.name(), standing.recall(), standing.stability(),
					standing.status().label(), standing.items(), standing.lastReviewedAt());
		}
	}

	record SkillsView(List<SkillView> skills) {
	}

	record Thresholds(@NotNull Double recall, @NotNull Integer days, @NotNull Integer intervalDays) {
	}

	@GetMapping("/api/v1/reinforcement/skills")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "A member is asked for by someone neither a manager nor an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The member is not one of the caller's organisation, or not of the groups a manager manages")
	@Operation(summary = "The caller's skills, or for managers and admins a member's: recall, stability, mastery",
			description = "Skills the learner has cards of come first, weakest recall first; then the organisation's other "
					+ "skills, not started.")
	SkillsView skills(@AuthenticationPrincipal CurrentMember me,
			@Parameter(description = "A member of the caller's organisation (managers and admins)")
			@RequestParam(required = false) @Nullable UUID member) {
		var now = clock.instant();
		if (member == null) {
			return new SkillsView(mastery.of(Learner.of(me), now).stream().map(SkillView::of).toList());
		}
		if (!me.has(Role.MANAGER) && !me.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only managers and admins see another member's skills");
		}
		if (!directory.looksAfter(me).test(new MemberId(member))) {
			throw new NotFoundException("not-found.member"); // Outside the manager's groups: as if missing.
		}
		return new SkillsView(
				mastery.of(me.organisationId(), new MemberId(member), now).stream().map(SkillView::of).toList());
	}

	@GetMapping("/api/v1/reinforcement/mastery-thresholds")
	@Operation(summary = "For admins: the organisation's mastery thresholds (0.85, 2 days, 3 days unless set)")
	Thresholds thresholds(@AuthenticationPrincipal CurrentMember me) {
		var thresholds = mastery.thresholds(me.organisationId());
		return new Thresholds(thresholds.recall(), thresholds.days(), thresholds.intervalDays());
	}

	@PutMapping("/api/v1/reinforcement/mastery-thresholds")
	@Operation(summary = "For admins: set the organisation's mastery thresholds",
			description = "recall strictly between 0 and 1, days from 1 to 30, intervalDays from 0 to 365. Statuses are "
					+ "decided with them from each skill's next review on.")
	Thresholds change(@AuthenticationPrincipal CurrentMember me, @jakarta.validation.Valid @RequestBody Thresholds body) {
		var thresholds = mastery.thresholds(me.organisationId(),
				new MasteryThresholds(body.recall(), body.days(), body.intervalDays()));
		return new Thresholds(thresholds.recall(), thresholds.days(), thresholds.intervalDays());
	}
}
