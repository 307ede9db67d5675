package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Someone in several organisations acts in one at a time, with their roles there. */
@MorselIntegrationTest
class OrganisationSwitchTests {

	@LocalServerPort
	int port;

	@Test
	void consultantSwitchesToGlobexAsAuthor() {
		var consultant = Browser.signedIn(port, "consultant@morsel.test", "morsel-demo");
		assertThat(consultant.get("/").location()).isEqualTo("/today");
		assertThat(consultant.get("/studio").status()).isEqualTo(403);

		var switched = consultant.post("/organisation", Map.of("slug", "globex"));

		assertThat(switched.location()).isEqualTo("/");
		var home = consultant.get(switched.location());
		assertThat(home.location()).isEqualTo("/studio");
		var studio = consultant.get(home.location());
		assertThat(studio.status()).isEqualTo(200);
		assertThat(studio.body()).contains("Switched organisation.", "<option value=\"globex\" selected=\"selected\"");
		assertThat(consultant.get("/today").status()).isEqualTo(403);
		assertThat(consultant.get("/tokens").body()).contains("as you, in Globex Partners")
			.doesNotContain("as you, in Acme Analytics");
	}

	@Test
	void switchingToAnOrganisationOneDoesNotBelongToIsNotFound() {
		var learner = Browser.signedIn(port, "learner@acme.test", "morsel-demo");

		var foreign = learner.post("/organisation", Map.of("slug", "globex"));
		var missing = learner.post("/organisation", Map.of("slug", "initech"));

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(learner.get("/today").status()).isEqualTo(200);
		assertThat(learner.get("/tokens").body()).contains("as you, in Acme Analytics")
			.doesNotContain("Globex Partners");
	}

	@Test
	void switchingAgainReturnsToTheFirstOrganisation() {
		var consultant = Browser.signedIn(port, "consultant@morsel.test", "morsel-demo");
		consultant.post("/organisation", Map.of("slug", "globex"));

		consultant.post("/organisation", Map.of("slug", "acme"));

		assertThat(consultant.get("/").location()).isEqualTo("/today");
		assertThat(consultant.get("/studio").status()).isEqualTo(403);
	}
}
