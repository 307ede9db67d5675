package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Two nodes on one database, each with its own index: a lesson published through one is found through the other
 * within about a second, and a node that starts with no index builds it from the catalog.
 */
@MorselIntegrationTest
class SearchAcrossNodesTests {

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int portA;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	/** Node B's index folder, removed after the tests. */
	@TempDir
	static Path nodeBIndex;

	@BeforeAll
	static void startSecondNode() throws Exception {
		var db = TestInfrastructure.database();
		nodeB = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.search.index-dir=" + nodeBIndex,
				// The second node is lexical: what it finds does not depend on the model, and it stays lean.
				"--morsel.search.semantic=false");
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void aLessonPublishedOnOneNodeIsFoundOnTheOther() {
		Indexed.await(changes, follower);
		var a = Api.on(portA);
		var b = Api.on(((WebServerApplicationContext) nodeB).getWebServer().getPort());
		var author = a.token("author@acme.test", "acme");
		var learner = b.token("learner@acme.test", "acme");
		var word = "zanzibarite" + UUID.randomUUID().toString().substring(0, 6);
		// Node B built its index from the catalog on start: the demo lessons are there.
		Eventually.await(() -> b.get(learner, "/api/v1/search?q=handover").getBody().contains("Hand over to customer success"));
		assertThat(b.get(learner, "/api/v1/search?q=" + word).getBody()).contains("\"total\":0");

		var published = System.nanoTime();
		Authored.published(a, author, "Harbour pricing " + word, "The " + word + " tariff applies to every berth.");
		Eventually.await(() -> b.get(learner, "/api/v1/search?q=" + word).getBody().contains("Harbour pricing " + word));
		var waited = (System.nanoTime() - published) / 1_000_000;

		assertThat(b.get(learner, "/api/v1/search?q=" + word).getBody()).contains("Harbour pricing " + word);
		// About a second: half a second's poll plus the listener; generous for a busy test machine.
		assertThat(waited).isLessThan(5_000);
	}

	@Test
	void anAdministratorRebuildsTheIndexOnEveryNode() {
		var a = Api.on(portA);
		var b = Api.on(((WebServerApplicationContext) nodeB).getWebServer().getPort());
		var admin = a.token("admin@acme.test", "acme");
		var learner = a.token("learner@acme.test", "acme");

		assertThat(a.post(learner, "/api/v1/search/rebuild", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		var before = changes.last();
		assertThat(a.post(admin, "/api/v1/search/rebuild", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

		assertThat(changes.last()).isGreaterThan(before);
		Eventually.await(() -> follower.appliedChange() > before);
		Eventually.await(() -> nodeB.getBean(ChangeFollower.class).appliedChange() > before);
		assertThat(b.get(learner, "/api/v1/search?q=handover").getBody()).contains("Hand over to customer success");
		assertThat(a.get(learner, "/api/v1/search?q=handover").getBody()).contains("Hand over to customer success");
	}
}
