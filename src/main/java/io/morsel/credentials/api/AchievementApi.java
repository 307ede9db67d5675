package io.morsel.credentials.api;

import io.morsel.credentials.Achievement;
import io.morsel.credentials.AchievementId;
import io.morsel.credentials.Achievements;
import io.morsel.credentials.Alignment;
import io.morsel.credentials.Badges;
import io.morsel.credentials.NewAchievement;
import io.morsel.credentials.PublicLinks;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Achievements", description = "What learners can earn: criteria, stacking, alignments")
class AchievementApi {

	private final Achievements achievements;
	private final Badges badges;
	private final PublicLinks links;

	AchievementApi(Achievements achievements, Badges badges, PublicLinks links) {
		this.achievements = achievements;
		this.badges = badges;
		this.links = links;
	}

	record CriteriaView(String narrative,
			@Schema(description = "Skills the learner must all master") List<UUID> skills,
			@Schema(description = "Achievements the learner must all hold: how achievements stack") List<UUID> achievements,
			@Schema(description = "Programs the learner must all complete: every lesson each publishes") List<UUID> programs,
			@Schema(description = "The mean lesson score, in percent, each program must be completed with; null: "
					+ "completion is enough") @Nullable Integer minimumScore) {
	}

	record AchievementView(UUID id, String name, String description, CriteriaView criteria, List<Alignment> alignments,
			@Nullable BigDecimal creditHours,
			@Schema(description = "Days each credential of it stays valid; null: no expiry") @Nullable Integer validDays,
			@Schema(description = "Days a holder whose mastery lapsed has to refresh it before the credential is "
					+ "suspended; 0: at once") int graceDays,
			@Schema(description = "The badge image (SVG, or the uploaded PNG or SVG), public") String image,
			Instant createdAt) {
	}

	@GetMapping("/api/v1/achievements")
	@Operation(summary = "The organisation's achievements, by name")
	List<AchievementView> list(@AuthenticationPrincipal CurrentMember me) {
		return achievements.of(me.organisationId()).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/achievements/{id}")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "No achievement of the caller's organisation has this id")
	@Operation(summary = "One of the organisation's achievements")
	AchievementView one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return achievements.find(me.organisationId(), new AchievementId(id))
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("not-found.achievement"));
	}

	@PostMapping("/api/v1/achievements")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author or an admin")
	@Refuses(value = HttpStatus.CONFLICT, when = "The organisation has an achievement of this name already")
	@Operation(summary = "For authors and admins: define an achievement",
			description = "Its rule holds when the learner masters every skill, holds every achievement and completes "
					+ "every program listed (with minimumScore, a mean lesson score of at least that many percent in "
					+ "each); skills, achievements and programs must be the organisation's own.")
	AchievementView define(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody NewAchievement achievement) {
		if (!me.has(Role.AUTHOR) && !me.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only authors and admins define achievements");
		}
		return view(achievements.define(me, achievement));
	}

	record ImageView(String mediaType, int bytes, String image) {
	}

	@PutMapping(path = "/api/v1/achievements/{id}/image", consumes = { "image/png", "image/svg+xml" })
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author or an admin")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "No achievement of the caller's organisation has this id")
	@Refuses(value = HttpStatus.UNPROCESSABLE_CONTENT, when = "Not a readable PNG or SVG; an SVG with scripts, event "
			+ "handlers or outside references; over 2048 pixels a side")
	@Refuses(value = HttpStatus.CONTENT_TOO_LARGE, when = "Over 256 KB")
	@Operation(summary = "For authors and admins: give an achievement an uploaded image (PNG or SVG)",
			description = "Replaces the badge drawn from the template, for credentials already issued too. What the "
					+ "image is is read from its bytes; an SVG must be inert (no scripts, event handlers, embedded "
					+ "HTML or references outside itself except embedded raster images).")
	ImageView uploadImage(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @RequestBody byte[] image) {
		var badge = badges.upload(me, new AchievementId(id), image);
		return new ImageView(badge.mediaType(), badge.content().length, links.achievementImage(new AchievementId(id)));
	}

	private AchievementView view(Achievement achievement) {
		var criteria = achievement.criteria();
		return new AchievementView(achievement.id().value(), achievement.name(), achievement.description(),
				new CriteriaView(criteria.narrative(), criteria.skills().stream().map(s -> s.value()).toList(),
						criteria.achievements().stream().map(AchievementId::value).toList(),
						criteria.programs().stream().map(p -> p.value()).toList(), criteria.minimumScore()),
				achievement.alignments(), achievement.creditHours(), achievement.validDays(), achievement.graceDays(),
				links.achievementImage(achievement.id()),
				achievement.createdAt());
	}
}
