package io.morsel.reinforcement.api;

import io.morsel.identity.CurrentMember;
import io.morsel.reinforcement.RetentionSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reinforcement")
class RetentionApi {

	private final RetentionSettings settings;

	RetentionApi(RetentionSettings settings) {
		this.settings = settings;
	}

	record Retention(@NotNull Double desiredRetention) {
	}

	@GetMapping("/api/v1/reinforcement/settings")
	@Operation(summary = "For admins: the organisation's desired retention (0.9 unless set)")
	Retention retention(@AuthenticationPrincipal CurrentMember me) {
		return new Retention(settings.desiredRetention(me.organisationId()));
	}

	@PutMapping("/api/v1/reinforcement/settings")
	@Operation(summary = "For admins: set the organisation's desired retention, from 0.7 to 0.97",
			description = "Every review from now on is scheduled with it; cards keep their due times until reviewed.")
	Retention change(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody Retention retention) {
		return new Retention(settings.change(me.organisationId(), retention.desiredRetention()));
	}
}
