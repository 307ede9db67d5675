package io.morsel.delivery.api;

import io.morsel.delivery.Unsubscribes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The target of every nudge mail's {@code List-Unsubscribe} header: mail programs POST
 * {@code List-Unsubscribe=One-Click} here (RFC 8058) without cookies or sign-in; the signed token is the authority.
 * The body is not read: whatever it holds, the link does what it says.
 */
@RestController
@Tag(name = "Delivery")
class UnsubscribeApi {

	private final Unsubscribes unsubscribes;

	UnsubscribeApi(Unsubscribes unsubscribes) {
		this.unsubscribes = unsubscribes;
	}

	@PostMapping("/api/v1/unsubscribe/{token}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "One-click unsubscribe from nudge emails (RFC 8058); no sign-in, the link is signed")
	@ApiResponse(responseCode = "204", description = "Email nudges are off for the learner the link names")
	void unsubscribe(@PathVariable String token) {
		unsubscribes.unsubscribe(token);
	}
}
