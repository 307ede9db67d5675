package io.morsel.reinforcement.api;

import io.morsel.catalog.ProgramId;
import io.morsel.identity.CurrentMember;
import io.morsel.reinforcement.RetentionSettings;
import io.morsel.reinforcement.RetentionSettings.ProgramRetention;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reinforcement")
class ProgramRetentionApi {

	private static final String PATH = "/api/v1/reinforcement/programs/{programId}/retention";

	private final RetentionSettings settings;

	ProgramRetentionApi(RetentionSettings settings) {
		this.settings = settings;
	}

	record ProgramRetentionView(UUID programId,
			@Schema(description = "The program's own setting; null when it takes its organisation's") @Nullable Double own,
			@Schema(description = "What its cards are scheduled with: its own, else the organisation's") double desiredRetention) {

		static ProgramRetentionView of(ProgramRetention retention) {
			return new ProgramRetentionView(retention.programId().value(), retention.own(),
					retention.desiredRetention());
		}
	}

	record ProgramRetentionChange(
			@Schema(description = "From 0.7 to 0.97; null (or absent) to take the organisation's again") @Nullable Double desiredRetention) {
	}

	@GetMapping(PATH)
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The organisation has no such program")
	@Operation(summary = "For authors and admins: a program's desired retention, its own or its organisation's")
	ProgramRetentionView retention(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID programId) {
		return ProgramRetentionView.of(settings.program(me.organisationId(), new ProgramId(programId)));
	}

	@PutMapping(PATH)
	@Refuses(value = HttpStatus.NOT_FOUND, when = "The organisation has no such program")
	@Operation(summary = "For authors and admins: set a program's desired retention, or clear it with null",
			description = "A card is scheduled with the highest desired retention among its learner's programs that "
					+ "contain its lesson (each its own, else the organisation's); the organisation's when none does. "
					+ "Cards keep their due times until their next review.")
	ProgramRetentionView change(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID programId,
			@RequestBody ProgramRetentionChange change) {
		return ProgramRetentionView.of(
				settings.change(me.organisationId(), new ProgramId(programId), change.desiredRetention()));
	}
}
