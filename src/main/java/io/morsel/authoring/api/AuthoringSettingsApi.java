package io.morsel.authoring.api;

import io.morsel.authoring.AuthoringPolicy;
import io.morsel.authoring.AuthoringSettings;
import io.morsel.identity.CurrentMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's publishing rules, for its admins. */
@RestController
@Tag(name = "Lessons")
class AuthoringSettingsApi {

	private final AuthoringSettings settings;

	AuthoringSettingsApi(AuthoringSettings settings) {
		this.settings = settings;
	}

	record Settings(@NotNull Boolean objectivesBlockPublishing, @NotNull @Min(7) @Max(60) Integer maxLessonMinutes) {
	}

	@GetMapping("/api/v1/authoring/settings")
	@Operation(summary = "For admins: whether a vague or double objective blocks publishing (false unless set), and the "
			+ "longest a lesson may be estimated to run (10 minutes unless set)")
	Settings settings(@AuthenticationPrincipal CurrentMember me) {
		var policy = settings.policy(me.organisationId());
		return new Settings(policy.objectivesBlockPublishing(), policy.maxLessonMinutes());
	}

	@PutMapping("/api/v1/authoring/settings")
	@Operation(summary = "For admins: make a vague or double objective block publishing, or only warn; set the longest "
			+ "a lesson may run, from 7 to 60 minutes",
			description = "Applies to every publish from now on; published lessons stay published.")
	Settings change(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody Settings changed) {
		var policy = settings.change(me,
				new AuthoringPolicy(changed.objectivesBlockPublishing(), changed.maxLessonMinutes()));
		return new Settings(policy.objectivesBlockPublishing(), policy.maxLessonMinutes());
	}
}
