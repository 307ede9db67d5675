package io.morsel.delivery.api;

import io.morsel.delivery.ChannelSettings;
import io.morsel.delivery.Channels;
import io.morsel.delivery.DeadLetter;
import io.morsel.delivery.LearnerChannels;
import io.morsel.identity.CurrentMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's Slack, Teams and webhook settings and dead letters (administrators), and each member's own choice
 * of channels.
 */
@RestController
@Tag(name = "Delivery")
class ChannelsApi {

	private final Channels channels;

	ChannelsApi(Channels channels) {
		this.channels = channels;
	}

	@GetMapping("/api/v1/delivery/channels")
	@Operation(summary = "The organisation's channel settings; secrets are never shown, only whether they are set")
	ChannelSettings settings(@AuthenticationPrincipal CurrentMember me) {
		return channels.settings(me.organisationId());
	}

	@PutMapping("/api/v1/delivery/channels")
	@Operation(summary = "Replace the organisation's channel settings",
			description = "A secret left out (null) keeps the one set; an empty one removes it. Slack needs its bot "
					+ "token and signing secret to be enabled; a webhook needs a secret. Addresses are absolute http "
					+ "or https URLs.")
	@ApiResponse(responseCode = "200", description = "Saved; the settings as they now are")
	@ApiResponse(responseCode = "400", description = "An address is not a URL, or a secret the channel needs is missing")
	ChannelSettings change(@AuthenticationPrincipal CurrentMember me, @RequestBody ChannelSettings.Change change) {
		return channels.change(me.organisationId(), change);
	}

	@GetMapping("/api/v1/delivery/dead-letters")
	@Operation(summary = "Messages to Slack, Teams or the webhook given up on after their retries, newest first")
	List<DeadLetter> deadLetters(@AuthenticationPrincipal CurrentMember me) {
		return channels.deadLetters(me.organisationId(), 200);
	}

	@PostMapping("/api/v1/delivery/dead-letters/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a dead letter again: its attempts start over now")
	@ApiResponse(responseCode = "202", description = "Queued to be sent again")
	@ApiResponse(responseCode = "404", description = "No such dead letter of the organisation")
	void replay(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		channels.replay(me.organisationId(), id);
	}

	@GetMapping("/api/v1/delivery/my-channels")
	@Operation(summary = "The caller's own choice of Slack and Teams")
	LearnerChannels mine(@AuthenticationPrincipal CurrentMember me) {
		return channels.learner(me.organisationId(), me.userId());
	}

	@PutMapping("/api/v1/delivery/my-channels")
	@Operation(summary = "Choose Slack (with a Slack member id) and Teams (with the address of one's Teams workflow)")
	@ApiResponse(responseCode = "400", description = "A channel chosen without its id or address, or a malformed one")
	LearnerChannels choose(@AuthenticationPrincipal CurrentMember me, @RequestBody LearnerChannels chosen) {
		return channels.choose(me.organisationId(), me.userId(), chosen);
	}
}
