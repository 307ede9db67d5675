package io.morsel.delivery.api;

import io.morsel.delivery.Attributes;
import io.morsel.delivery.TriggerView;
import io.morsel.delivery.Triggers;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Delivery")
class TriggerApi {

	private final Triggers triggers;

	TriggerApi(Triggers triggers) {
		this.triggers = triggers;
	}

	@PostMapping("/api/v1/triggers")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Receive a just-in-time trigger for one learner",
			description = "Matched at once against the organisation's rules for its type; each rule whose conditions "
					+ "the attributes meet plans one delivery, at the time the rule gives relative to the event, "
					+ "within the learner's cadence. The same idempotencyKey again answers the same trigger and "
					+ "does nothing twice.")
	@ApiResponse(responseCode = "202", description = "Received: its id, status and the deliveries it planned")
	@Refuses(value = HttpStatus.NOT_FOUND, when = "No active member of the organisation is this user, or no rule of "
			+ "the organisation names this trigger type")
	TriggerView receive(@AuthenticationPrincipal CurrentMember me, @RequestBody TriggerRequest request) {
		return triggers.receive(me, request.type(), request.user(), request.at(), Attributes.of(request.attributes()),
				request.idempotencyKey());
	}

	@GetMapping("/api/v1/triggers/{id}")
	@Operation(summary = "A trigger of the organisation and what it caused")
	TriggerView trigger(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return triggers.find(me, id);
	}
}
