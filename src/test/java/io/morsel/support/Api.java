package io.morsel.support;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls a running Morsel over real HTTP, as an integrator would. Every exchange with {@code /api/v1} is checked against
 * the OpenAPI document at {@code /api/docs}: an answer (or an accepted request) it does not describe fails the test.
 */
public final class Api {

	private final RestClient http;

	private Api(RestClient http) {
		this.http = http;
	}

	public static Api on(int port) {
		var baseUrl = "http://localhost:" + port;
		return new Api(RestClient.builder()
			.baseUrl(baseUrl)
			.requestInterceptor(new ApiDocument(baseUrl))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build());
	}

	public RestClient http() {
		return http;
	}

	/** GET with a bearer token; any status comes back as it is. */
	public ResponseEntity<String> get(String token, String path) {
		return http.get().uri(path).header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
	}

	/** POST a JSON body (a map, a record, or a JSON tree or string) with a bearer token; no body when null. */
	public ResponseEntity<String> post(String token, String path, Object body) {
		var request = http.post().uri(path).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json(body));
		}
		return request.retrieve().toEntity(String.class);
	}

	/** PUT a JSON body with a bearer token. */
	public ResponseEntity<String> put(String token, String path, Object body) {
		return http.put().uri(path).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.body(json(body)).retrieve().toEntity(String.class);
	}

	/** PUT a JSON body with a bearer token and an {@code If-Match} header (none when null). */
	public ResponseEntity<String> put(String token, String path, String ifMatch, Object body) {
		var request = http.put().uri(path).header("Authorization", "Bearer " + token);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.contentType(MediaType.APPLICATION_JSON).body(json(body)).retrieve().toEntity(String.class);
	}

	/** DELETE with a bearer token; any status comes back as it is. */
	public ResponseEntity<String> delete(String token, String path) {
		return http.delete().uri(path).header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
	}

	/** JSON trees are sent as their text, everything else as the message converters write it. */
	private static Object json(Object body) {
		return body instanceof tools.jackson.databind.JsonNode node ? node.toString() : body;
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
