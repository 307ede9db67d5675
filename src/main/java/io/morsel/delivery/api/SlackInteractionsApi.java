package io.morsel.delivery.api;

import io.morsel.delivery.ChannelAnswers;
import io.morsel.identity.OrganisationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The interactivity address of an organisation's Slack app (its "Request URL"): Slack posts a click on a message's
 * button here. No sign-in: the request's signature under the organisation's signing secret is the authority, so the
 * body is read exactly as it came, before anything parses it ({@link SlackBodyFilter}).
 */
@RestController
@Tag(name = "Delivery")
class SlackInteractionsApi {

	private final ChannelAnswers answers;

	SlackInteractionsApi(ChannelAnswers answers) {
		this.answers = answers;
	}

	@PostMapping("/api/v1/channels/slack/{organisation}/interactions")
	@Operation(summary = "Slack interactivity: a learner answered a review question with a button",
			description = "Signed by Slack (X-Slack-Signature, X-Slack-Request-Timestamp). The answer is recorded as "
					+ "in the review player, and the message is replaced by the feedback through its response_url.")
	@ApiResponse(responseCode = "200", description = "Acknowledged")
	@ApiResponse(responseCode = "401", description = "The signature does not hold, or the timestamp is over five "
			+ "minutes off (/problems/forged-request)")
	@ApiResponse(responseCode = "404", description = "The organisation has no Slack app, or the card is not the "
			+ "clicking member's")
	ResponseEntity<Void> interaction(@PathVariable UUID organisation,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) String signature, HttpServletRequest request)
			throws IOException {
		var body = request.getAttribute(SlackBodyFilter.RAW_BODY) instanceof byte[] kept ? kept
				: request.getInputStream().readNBytes(SlackBodyFilter.MOST);
		answers.slack(new OrganisationId(organisation), body, timestamp, signature);
		return ResponseEntity.ok().build();
	}
}
