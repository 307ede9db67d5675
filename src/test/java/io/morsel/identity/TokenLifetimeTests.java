package io.morsel.identity;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens expire (90 days unless asked otherwise, never longer than the organisation allows), may be read-only, and
 * are all visible to the organisation's admins, who revoke any of them.
 */
@MorselIntegrationTest
class TokenLifetimeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void aTokenLastsNinetyDaysUnlessAskedOtherwiseAndSaysWhen() {
		var api = Api.on(port);
		var standard = create(Map.of());
		var brief = create(Map.of("expiresInDays", 7));

		assertThat(standard.status()).isEqualTo(201);
		assertThat(expiresAt(standard.body())).isCloseTo(Instant.now().plus(90, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
		assertThat(expiresAt(brief.body())).isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
		var listed = json.readTree(api.get(brief.body().get("token").asString(), "/api/v1/tokens").getBody());
		var mine = listed.valueStream().filter(t -> t.get("id").equals(brief.body().get("id"))).findFirst().orElseThrow();
		assertThat(mine.get("expiresAt").asString()).isEqualTo(brief.body().get("expiresAt").asString());
		assertThat(mine.get("readOnly").asBoolean()).isFalse();
	}

	@Test
	void anExpiredTokenIsRefused() {
		var created = create(Map.of("expiresInDays", 1));
		var token = created.body().get("token").asString();
		// A day passes.
		jdbc.sql("UPDATE api_tokens SET expires_at = :past WHERE id = :id")
			.param("past", java.time.OffsetDateTime.now().minusSeconds(1))
			.param("id", UUID.fromString(created.body().get("id").asString()))
			.update();

		var answer = Api.on(port).get(token, "/api/v1/me");

		assertThat(answer.getStatusCode().value()).isEqualTo(401);
		assertThat(answer.getBody()).contains("expired");
	}

	@Test
	void aReadOnlyTokenReadsButWritesNothing() {
		var api = Api.on(port);
		var created = create(Map.of("readOnly", true));
		var token = created.body().get("token").asString();

		assertThat(created.body().get("readOnly").asBoolean()).isTrue();
		assertThat(api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(api.get(token, "/api/v1/lessons").getStatusCode().value()).isEqualTo(200);
		var revokeItself = api.http().delete().uri("/api/v1/tokens/" + created.body().get("id").asString())
			.header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
		assertThat(revokeItself.getStatusCode().value()).isEqualTo(403);
		assertThat(revokeItself.getBody()).contains("read-only");
		assertThat(api.post(token, "/api/v1/programs/" + UUID.randomUUID() + "/enrolment", null).getStatusCode().value())
			.isEqualTo(403);
		assertThat(api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void theOrganisationCapsHowLongATokenLasts() {
		var api = Api.on(port);
		var admin = api.token("admin@globex.test", "globex");
		try {
			assertThat(api.put(admin, "/api/v1/organisation/token-policy", Map.of("maxDays", 30)).getStatusCode().value())
				.isEqualTo(200);
			assertThat(api.get(admin, "/api/v1/organisation/token-policy").getBody()).contains("\"maxDays\":30");

			var tooLong = create("globex", Map.of("expiresInDays", 31));
			var standard = create("globex", Map.of());

			assertThat(tooLong.status()).isEqualTo(400);
			assertThat(tooLong.body().get("detail").asString()).contains("1 to 30 days");
			assertThat(expiresAt(standard.body())).isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS),
					within(1, ChronoUnit.MINUTES));
			assertThat(api.put(admin, "/api/v1/organisation/token-policy", Map.of("maxDays", 0)).getStatusCode().value())
				.isEqualTo(400);
			assertThat(create("globex", Map.of("expiresInDays", 0)).status()).isEqualTo(400);
			var learner = api.token("learner@globex.test", "globex");
			assertThat(api.put(learner, "/api/v1/organisation/token-policy", Map.of("maxDays", 3650)).getStatusCode()
				.value()).isEqualTo(403);
		}
		finally {
			api.put(admin, "/api/v1/organisation/token-policy", Map.of("maxDays", 365));
		}
	}

	@Test
	void adminsSeeEveryTokenOfTheirOrganisationAndRevokeAnyAtOnce() {
		var api = Api.on(port);
		var learnerToken = create(Map.of("name", "learner-script"));
		var secret = learnerToken.body().get("token").asString();
		assertThat(api.get(secret, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		var admin = api.token("admin@acme.test", "acme");

		var all = json.readTree(api.get(admin, "/api/v1/organisation/tokens").getBody());

		var listed = all.valueStream().filter(t -> t.get("id").equals(learnerToken.body().get("id"))).findFirst()
			.orElseThrow();
		assertThat(listed.get("owner").get("email").asString()).isEqualTo("learner@acme.test");
		assertThat(listed.get("owner").get("name").asString()).isEqualTo("Ada Lindqvist");
		assertThat(listed.get("lastUsedAt").isNull()).isFalse();
		assertThat(listed.get("expiresAt").asString()).isEqualTo(learnerToken.body().get("expiresAt").asString());
		assertThat(all.valueStream().map(t -> t.get("owner").get("email").asString()))
			.allMatch(email -> email.endsWith("@acme.test"));
		assertThat(api.get(secret, "/api/v1/organisation/tokens").getStatusCode().value()).isEqualTo(403);

		var globexAdmin = api.token("admin@globex.test", "globex");
		var path = "/api/v1/organisation/tokens/" + learnerToken.body().get("id").asString();
		assertThat(delete(api, globexAdmin, path)).isEqualTo(404);
		assertThat(delete(api, admin, path)).isEqualTo(204);
		assertThat(api.get(secret, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		assertThat(delete(api, admin, path)).isEqualTo(404);
	}

	@Test
	void theTokensPagesOfferExpiryAndScopeAndShowAdminsEveryOwner() throws Exception {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var name = "nightly " + UUID.randomUUID().toString().substring(0, 6);
		var created = mvc.perform(post("/tokens").param("name", name).param("days", "5").param("readOnly", "true")
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();
		assertThat(created.getRedirectedUrl()).isEqualTo("/tokens");
		var tooLong = mvc.perform(post("/tokens").param("name", name + "x").param("days", "366")
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(tooLong).contains("A token may last at most 365 days in this organisation.");

		var own = mvc.perform(get("/tokens").with(SignedIn.as(author))).andReturn().getResponse().getContentAsString();
		assertThat(own).contains(name, "Read only", "Expires");
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();
		var all = mvc.perform(get("/admin/tokens").with(SignedIn.as(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(all).contains(name, "author@globex.test");
		assertThat(mvc.perform(get("/admin/tokens").with(SignedIn.as(author))).andReturn().getResponse().getStatus())
			.isEqualTo(403);

		var id = jdbc.sql("SELECT id FROM api_tokens WHERE name = :n").param("n", name).query(UUID.class).single();
		var revoked = mvc.perform(post("/admin/tokens/" + id + "/revoke").with(SignedIn.as(admin)).with(csrf()))
			.andReturn().getResponse();
		assertThat(revoked.getRedirectedUrl()).isEqualTo("/admin/tokens");
		assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM api_tokens WHERE id = :id").param("id", id)
			.query(Boolean.class).single()).isTrue();
	}

	private record Created(int status, JsonNode body) {
	}

	private Created create(Map<String, Object> fields) {
		var body = new HashMap<String, Object>(Map.of("email", "learner@acme.test", "password", "morsel-demo",
				"organisation", "acme"));
		body.putAll(fields);
		return send(body);
	}

	private Created create(String organisation, Map<String, Object> fields) {
		var body = new HashMap<String, Object>(Map.of("email", "author@" + organisation + ".test", "password",
				"morsel-demo", "organisation", organisation));
		body.putAll(fields);
		return send(body);
	}

	private Created send(Map<String, Object> body) {
		var answer = Api.on(port).http().post().uri("/api/v1/tokens")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(String.class);
		return new Created(answer.getStatusCode().value(), json.readTree(answer.getBody()));
	}

	private static Instant expiresAt(JsonNode token) {
		return Instant.parse(token.get("expiresAt").asString());
	}

	private static int delete(Api api, String token, String path) {
		return api.http().delete().uri(path).header("Authorization", "Bearer " + token).retrieve().toBodilessEntity()
			.getStatusCode().value();
	}
}
