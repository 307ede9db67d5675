package io.morsel.authoring.api;

import io.morsel.authoring.AuthoringPolicy;
import io.morsel.authoring.AuthoringSettings;
import io.morsel.identity.CurrentMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

	record Settings(@NotNull Boolean objectivesBlockPublishing) {
	}

	@GetMapping("/api/v1/authoring/settings")
	@Operation(summary = "For admins: whether a vague or double objective blocks publishing (false unless set)")
	Settings settings(@AuthenticationPrincipal CurrentMember me) {
		return new Settings(settings.policy(me.organisationId()).objectivesBlockPublishing());
	}

	@PutMapping("/api/v1/authoring/settings")
	@Operation(summary = "For admins: make a vague or double objective block publishing, or only warn",
			description = "Applies to every publish from now on; published lessons stay published.")
	Settings change(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody Settings changed) {
		return new Settings(settings.change(me, new AuthoringPolicy(changed.objectivesBlockPublishing()))
			.objectivesBlockPublishing());
	}
}
