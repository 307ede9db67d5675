package io.morsel.support;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Calls a running Morsel over real HTTP, as an integrator would. */
public final class Api {

	private final RestClient http;

	private Api(RestClient http) {
		this.http = http;
	}

	public static Api on(int port) {
		return new Api(RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build());
	}

	public RestClient http() {
		return http;
	}

	/** A fresh personal access token of a demo account (password morsel-demo). */
	public String token(String email, String organisation) {
		var body = http.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", "morsel-demo", "organisation", organisation))
			.retrieve()
			.body(Map.class);
		if (body == null || !(body.get("token") instanceof String token)) {
			throw new IllegalStateException("No token for " + email + ": " + body);
		}
		return token;
	}
}
