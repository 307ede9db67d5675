package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** One organisation never sees another's objects: they answer 404, exactly like missing ones. */
@MorselIntegrationTest
class TenancyTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = Api.on(port);
	}

	@Test
	void anotherOrganisationsPersonIsNotFoundLikeAMissingOne() {
		var acme = api.token("admin@acme.test", "acme");
		var globex = api.token("admin@globex.test", "globex");
		var globexPeople = people(globex);
		assertThat(globexPeople).extracting(p -> p.get("email")).contains("learner@globex.test");
		var globexId = globexPeople.getFirst().get("id");

		var foreign = api.http().get().uri("/api/v1/people/{id}", globexId).header("Authorization", "Bearer " + acme)
			.retrieve().toEntity(String.class);
		var missing = api.http().get().uri("/api/v1/people/{id}", java.util.UUID.randomUUID())
			.header("Authorization", "Bearer " + acme).retrieve().toEntity(String.class);

		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getBody()).isEqualTo(missing.getBody().replace(missing.getBody().split("\"instance\":\"")[1].split("\"")[0],
				foreign.getBody().split("\"instance\":\"")[1].split("\"")[0]));
		assertThat(people(acme)).extracting(p -> p.get("email")).doesNotContain("learner@globex.test");
	}

	private List<Map<String, Object>> people(String token) {
		return api.http().get().uri("/api/v1/people").header("Authorization", "Bearer " + token).retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}
}
