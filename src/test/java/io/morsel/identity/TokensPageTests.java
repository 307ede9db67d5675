package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Personal access tokens made on the page: the secret is shown once, stored as a hash, listed and revoked. */
@MorselIntegrationTest
class TokensPageTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenMadeOnThePageWorksUntilItIsRevokedWithHtmx() throws Exception {
		var me = directory.member("author@globex.test", "globex").orElseThrow();
		var name = "CRM sync " + UUID.randomUUID().toString().substring(0, 6);
		var created = mvc.perform(post("/tokens").param("name", name).with(SignedIn.as(me))
			.with(csrf())).andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).as(created.getResponse().getContentAsString()).isEqualTo("/tokens");
		// The secret travels as a flash attribute in an encrypted cookie, as after a browser's redirect.
		var flash = created.getResponse().getCookie("MORSEL_FLASH");
		assertThat(flash).isNotNull();
		assertThat(flash.isHttpOnly()).isTrue();
		var page = mvc.perform(get("/tokens").cookie(flash)
			.with(SignedIn.as(me))).andReturn().getResponse().getContentAsString();
		var secret = Pattern.compile("id=\"new-token\">(mrsl_[A-Za-z0-9_-]+)<").matcher(page);
		assertThat(secret.find()).as(page).isTrue();
		assertThat(flash.getValue()).doesNotContain(secret.group(1), "mrsl_");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = :s OR name = :s")
			.param("s", secret.group(1)).query(Long.class).single()).isZero();

		var api = Api.on(port).http();
		assertThat(api.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret.group(1)).retrieve()
			.toEntity(String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		var again = mvc.perform(get("/tokens").with(SignedIn.as(me))).andReturn().getResponse()
			.getContentAsString();
		assertThat(again).contains(name).doesNotContain(secret.group(1));

		var id = jdbc.sql("SELECT id FROM api_tokens WHERE name = :n").param("n", name).query(UUID.class).single();
		var stranger = directory.member("learner@globex.test", "globex").orElseThrow();
		assertThat(mvc.perform(post("/tokens/" + id + "/revoke").with(SignedIn.as(stranger))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);

		var revoked = mvc.perform(post("/tokens/" + id + "/revoke").header("HX-Request", "true").with(SignedIn.as(me))
			.with(csrf())).andReturn().getResponse();
		assertThat(revoked.getContentAsString()).contains("Token revoked.").doesNotContain("<html");
		assertThat(api.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret.group(1)).retrieve()
			.toEntity(String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}
}
