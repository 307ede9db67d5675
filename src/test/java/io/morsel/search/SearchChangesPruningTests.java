package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search change log is pruned below what every live node applied, and a node that was gone while entries it had
 * not applied were pruned builds its index again from the catalog when it comes back.
 */
@MorselIntegrationTest
class SearchChangesPruningTests {

	@LocalServerPort
	int port;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	@Autowired
	ChangePruning pruning;

	@Autowired
	NodePositions positions;

	@Test
	void theLogKeepsWhatALiveNodeStillNeedsAndForgetsTheRest() {
		Indexed.await(changes, follower);
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var learner = api.token("learner@acme.test", "acme");
		var start = changes.last();
		Authored.published(api, author, "Pruning drill one", "Nothing special.");
		Eventually.await(() -> changes.last() > start && follower.appliedChange() >= changes.last());
		var last = changes.last();

		// A live node five entries behind holds pruning there; a node silent for two minutes holds nothing back.
		var laggard = UUID.randomUUID();
		var gone = UUID.randomUUID();
		positions.heartbeat(laggard, last - 5, Instant.now());
		positions.heartbeat(gone, 0, Instant.now().minus(Duration.ofMinutes(2)));
		pruning.prune(Duration.ZERO);

		var left = ids();
		assertThat(left).isNotEmpty().allMatch(id -> id > last - 5);
		assertThat(left).contains(last);
		assertThat(changes.prunedUpTo()).isLessThanOrEqualTo(last - 5).isGreaterThan(0);

		// Without the laggard, everything this node applied goes; the log's position does not go back.
		positions.forget(laggard);
		positions.forget(gone);
		pruning.prune(Duration.ZERO);
		assertThat(changes.prunedUpTo()).isGreaterThanOrEqualTo(last);
		assertThat(ids()).allMatch(id -> id > last);
		assertThat(changes.last()).isGreaterThanOrEqualTo(last);

		// Entries younger than the retention stay, and this node goes on applying new ones after the prune.
		var word = "quillonite" + UUID.randomUUID().toString().substring(0, 6);
		Authored.published(api, author, "Pruning drill " + word, "The " + word + " rule.");
		// The catalog's event reaches the log after the publishing transaction.
		Eventually.await(() -> changes.last() > last);
		var published = changes.last();
		pruning.prune(Duration.ofHours(1));
		assertThat(ids()).contains(published);
		Eventually.await(() -> api.get(learner, "/api/v1/search?q=" + word).getBody().contains("Pruning drill " + word));
		assertThat(api.get(learner, "/api/v1/search?q=pruning+drill+one").getBody()).contains("Pruning drill one");
	}

	@Test
	void aNodeBackAfterEntriesItMissedWerePrunedBuildsItsIndexAgain(@TempDir Path folder) throws Exception {
		Indexed.await(changes, follower);
		var a = Api.on(port);
		var author = a.token("author@acme.test", "acme");

		var nodeB = startNode(folder);
		try {
			var b = Api.on(((WebServerApplicationContext) nodeB).getWebServer().getPort());
			var learner = b.token("learner@acme.test", "acme");
			Eventually.await(() -> b.get(learner, "/api/v1/search?q=handover").getBody()
				.contains("Hand over to customer success"));
		}
		finally {
			nodeB.close();
		}

		// While node B is gone, a lesson is published and its entry pruned: only node A was live to hold it.
		var word = "brackenite" + UUID.randomUUID().toString().substring(0, 6);
		var before = changes.last();
		Authored.published(a, author, "Tidal ledger " + word, "The " + word + " ledger balances every tide.");
		Eventually.await(() -> changes.last() > before);
		var published = changes.last();
		Eventually.await(() -> follower.appliedChange() >= published);
		pruning.prune(Duration.ZERO);
		assertThat(changes.prunedUpTo()).isGreaterThanOrEqualTo(published);
		assertThat(ids()).doesNotContain(published);

		nodeB = startNode(folder);
		try {
			var b = Api.on(((WebServerApplicationContext) nodeB).getWebServer().getPort());
			var learner = b.token("learner@acme.test", "acme");
			Eventually.await(() -> b.get(learner, "/api/v1/search?q=" + word).getBody().contains("Tidal ledger " + word));
			assertThat(b.get(learner, "/api/v1/search?q=" + word).getBody()).contains("Tidal ledger " + word);
		}
		finally {
			nodeB.close();
		}
	}

	private List<Long> ids() {
		return changes.after(0, List.of(), 100_000).stream().map(ChangeLog.Change::id).toList();
	}

	private static ConfigurableApplicationContext startNode(Path indexFolder) {
		var db = TestInfrastructure.database();
		return new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.search.index-dir=" + indexFolder, "--morsel.search.semantic=false");
	}
}
