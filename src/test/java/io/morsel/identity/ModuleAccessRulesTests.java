package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The URL rules other modules declare ({@link AccessRules}) guard and open their own paths: authoring's studio, and a
 * public page and API endpoint that only the tests declare (web's test-only endpoints), with no rule in identity.
 */
@MorselIntegrationTest
class ModuleAccessRulesTests {

	@LocalServerPort
	int port;

	@Test
	void learnerIsRefusedTheStudioThatAuthoringKeepsForAuthors() {
		var learner = Browser.signedIn(port, "learner@acme.test", "morsel-demo");
		var author = Browser.signedIn(port, "author@acme.test", "morsel-demo");

		assertThat(learner.get("/studio").status()).isEqualTo(403);
		assertThat(learner.get("/studio/programs").status()).isEqualTo(403);
		assertThat(author.get("/studio").status()).isEqualTo(200);
	}

	@Test
	void anonymousVisitorOpensAPageAModuleDeclaredPublic() {
		var anonymous = new Browser(port);

		var open = anonymous.get("/test-only/open");

		assertThat(open.status()).isEqualTo(200);
		assertThat(open.body()).isEqualTo("open to anyone");
		assertThat(anonymous.get("/test-only/closed").location()).isEqualTo("/sign-in");
	}

	@Test
	void anonymousClientPostsToAnApiEndpointAModuleDeclaredPublic() throws Exception {
		var http = HttpClient.newHttpClient();
		var endpoint = URI.create("http://localhost:" + port + "/api/v1/test-only/open");

		var post = http.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		var get = http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());

		assertThat(post.statusCode()).isEqualTo(200);
		assertThat(post.body()).isEqualTo("open to anyone");
		assertThat(get.statusCode()).as("only the method the module opened is public").isEqualTo(401);
	}
}
