package io.morsel.delivery.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.delivery.CadenceSettings;
import io.morsel.delivery.Cadences;
import io.morsel.delivery.Cadences.Level;
import io.morsel.delivery.QuietHours;
import io.morsel.delivery.TimeWindow;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's and each program's cadence defaults; a learner's own are on their settings page. */
@RestController
@Tag(name = "Delivery")
class CadenceApi {

	private final Cadences cadences;
	private final Programs programs;

	CadenceApi(Cadences cadences, Programs programs) {
		this.cadences = cadences;
		this.programs = programs;
	}

	/**
	 * Cadence as one level sets it; a {@code null} part is inherited from the level above (docs/delivery.md). A save
	 * names every part, {@code null} to inherit it, so that a body missing one (or {@code {}}) is refused, not read
	 * as "inherit everything".
	 *
	 * @param quietHours such as {@code 20:00-08:00}
	 * @param windows such as {@code ["08:00-09:00"]}
	 */
	record CadenceBody(@JsonProperty(required = true) @Nullable Integer maxPerDay,
			@JsonProperty(required = true) @Nullable Integer maxPerWeek,
			@JsonProperty(required = true) @Schema(example = "20:00-08:00") @Nullable String quietHours,
			@JsonProperty(required = true) @Nullable List<String> windows,
			@JsonProperty(required = true) @Nullable Boolean weekdaysOnly,
			@JsonProperty(required = true) @Nullable Integer floorDays) {

		static CadenceBody of(CadenceSettings settings) {
			return new CadenceBody(settings.maxPerDay(), settings.maxPerWeek(),
					settings.quietHours() == null ? null : settings.quietHours().toString(),
					settings.windows() == null ? null : settings.windows().stream().map(Object::toString).toList(),
					settings.weekdaysOnly(), settings.floorDays());
		}

		CadenceSettings settings() {
			return new CadenceSettings(maxPerDay, maxPerWeek, quietHours == null ? null : QuietHours.parse(quietHours),
					windows == null ? null : windows.stream().map(TimeWindow::parse).toList(), weekdaysOnly, floorDays);
		}
	}

	@GetMapping("/api/v1/delivery/cadence")
	@Operation(summary = "The organisation's cadence defaults")
	CadenceBody organisation(@AuthenticationPrincipal CurrentMember me) {
		return CadenceBody.of(cadences.settings(me.organisationId(), Level.ORGANISATION, me.organisationId().value()));
	}

	@PutMapping("/api/v1/delivery/cadence")
	@Operation(summary = "Replace the organisation's cadence defaults")
	CadenceBody setOrganisation(@AuthenticationPrincipal CurrentMember me, @RequestBody CadenceBody body) {
		var settings = body.settings();
		cadences.set(me.organisationId(), Level.ORGANISATION, me.organisationId().value(), settings);
		return CadenceBody.of(settings);
	}

	@GetMapping("/api/v1/delivery/cadence/programs/{id}")
	@Operation(summary = "A program's cadence defaults, which apply to the deliveries of rules that bring it")
	CadenceBody program(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return CadenceBody.of(cadences.settings(me.organisationId(), Level.PROGRAM, program(me.organisationId(), id)));
	}

	@PutMapping("/api/v1/delivery/cadence/programs/{id}")
	@Operation(summary = "Replace a program's cadence defaults")
	CadenceBody setProgram(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestBody CadenceBody body) {
		var settings = body.settings();
		cadences.set(me.organisationId(), Level.PROGRAM, program(me.organisationId(), id), settings);
		return CadenceBody.of(settings);
	}

	private UUID program(OrganisationId organisation, UUID id) {
		return programs.find(organisation, new ProgramId(id))
			.orElseThrow(() -> new NotFoundException("not-found.program"))
			.id()
			.value();
	}
}
