package io.morsel.delivery.api;

import io.morsel.catalog.ProgramId;
import io.morsel.delivery.Series;
import io.morsel.delivery.SeriesView;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's series: programs taken as one lesson a day at a chosen time. */
@RestController
@Tag(name = "Delivery")
class SeriesApi {

	private final Series series;

	SeriesApi(Series series) {
		this.series = series;
	}

	/** @param at the time of the learner's wall clock, {@code HH:mm} */
	record SeriesRequest(@Nullable Integer days, @Schema(example = "08:30") @Nullable String at) {
	}

	@GetMapping("/api/v1/delivery/series")
	@Operation(summary = "The caller's series, left and finished ones included")
	List<SeriesView> mine(@AuthenticationPrincipal CurrentMember me) {
		return series.of(Learner.of(me));
	}

	@PutMapping("/api/v1/delivery/series/{programId}")
	@Operation(summary = "Take a program as a series: one nudge a day at a time of one's wall clock, for 1 to 90 days",
			description = "Enrols the caller in the program when they are not yet. Subscribing again starts over.")
	@ApiResponse(responseCode = "400", description = "days not from 1 to 90, or at not HH:mm")
	@ApiResponse(responseCode = "404", description = "No such program of the organisation")
	SeriesView subscribe(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID programId,
			@RequestBody SeriesRequest request) {
		if (request.days() == null || request.at() == null) {
			throw new InvalidValueException("delivery.refused.series-needs-days-hh-mm");
		}
		return series.subscribe(Learner.of(me), me.zone(), new ProgramId(programId), request.days(), time(request.at()));
	}

	@PostMapping("/api/v1/delivery/series/{programId}/pause")
	@Operation(summary = "Pause a series: no nudge until it is resumed")
	SeriesView pause(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID programId) {
		return series.pause(Learner.of(me), new ProgramId(programId));
	}

	@PostMapping("/api/v1/delivery/series/{programId}/resume")
	@Operation(summary = "Resume a paused series at its next time")
	SeriesView resume(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID programId) {
		return series.resume(Learner.of(me), me.zone(), new ProgramId(programId));
	}

	@DeleteMapping("/api/v1/delivery/series/{programId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Leave a series; the enrolment in the program stays")
	void leave(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID programId) {
		series.leave(Learner.of(me), new ProgramId(programId));
	}

	private static LocalTime time(String at) {
		try {
			return LocalTime.parse(at);
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidValueException("delivery.refused.time-day-hh-mm-such-08");
		}
	}
}
