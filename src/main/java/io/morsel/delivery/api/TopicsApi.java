package io.morsel.delivery.api;

import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillId;
import io.morsel.delivery.Topics;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The topics (skills) the caller follows, and the catalog narrowed to them. */
@RestController
@Tag(name = "Delivery")
class TopicsApi {

	private final Topics topics;

	TopicsApi(Topics topics) {
		this.topics = topics;
	}

	@GetMapping("/api/v1/delivery/topics")
	@Operation(summary = "The skills the caller follows")
	List<Skill> followed(@AuthenticationPrincipal CurrentMember me) {
		return topics.followed(Learner.of(me));
	}

	@PutMapping("/api/v1/delivery/topics/{skillId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Follow one of the organisation's skills")
	@ApiResponse(responseCode = "404", description = "No such skill of the organisation")
	void follow(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID skillId) {
		topics.follow(Learner.of(me), new SkillId(skillId));
	}

	@DeleteMapping("/api/v1/delivery/topics/{skillId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop following a skill")
	void unfollow(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID skillId) {
		topics.unfollow(Learner.of(me), new SkillId(skillId));
	}

	@GetMapping("/api/v1/delivery/topics/lessons")
	@Operation(summary = "The catalog filtered by the caller's topics: published lessons teaching any of them, by title")
	List<LessonSummary> lessons(@AuthenticationPrincipal CurrentMember me) {
		return topics.lessons(Learner.of(me));
	}
}
