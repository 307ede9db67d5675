package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.People;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes send from one database at the same time, each every 200 ms: every planned delivery goes out exactly
 * once, in the send log and by mail, and no learner gets more than their cadence allows. Node A is the shared test
 * context, node B a second application on the same database.
 */
@MorselIntegrationTest
class DeliveriesAcrossNodesTests {

	/** Several of a node's batches (Dispatcher.BATCH learners each), so that one node cannot take them all at once. */
	static final int LEARNERS = 4 * Dispatcher.BATCH;
	static final int TRIGGERS_EACH = 2;

	private static ConfigurableApplicationContext nodeB;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	TriggerRules rules;

	@Autowired
	Triggers triggers;

	@Autowired
	Cadences cadences;

	@Autowired
	Dispatcher dispatcherA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startSecondNode() {
		var db = TestInfrastructure.database();
		nodeB = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.delivery.dispatch-interval=200ms",
				"--morsel.search.index-dir=" + System.getProperty("java.io.tmpdir") + "/morsel-test-index/" + UUID.randomUUID());
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void everyDeliveryIsMadeExactlyOnceByTwoNodesSendingAtOnce() throws Exception {
		var manager = directory.member("manager@acme.test", "acme").orElseThrow();
		var type = "incentive.started-" + UUID.randomUUID().toString().substring(0, 8);
		var lessonA = Deliveries.lesson(lessons, directory, json, "acme", "Incentive rules, part one");
		var lessonB = Deliveries.lesson(lessons, directory, json, "acme", "Incentive rules, part two");
		rules.add(manager, new TriggerType(type), "Incentive, part one", Map.of(), lessonA, null, RuleTiming.AT_THE_EVENT);
		rules.add(manager, new TriggerType(type), "Incentive, part two", Map.of(), lessonB, null,
				new RuleTiming(1, 0, null));
		var learners = new ArrayList<CurrentMember>();
		for (int i = 0; i < LEARNERS; i++) {
			var learner = People.learner(jdbc, directory, "acme", i % 2 == 0 ? "Europe/Berlin" : "America/New_York",
					"Node Learner " + i);
			Deliveries.openAllDay(cadences, learner, 24);
			learners.add(learner);
		}
		// Every learner gets both parts: one due now, one a minute after the event (made due now below).
		for (var learner : learners) {
			triggers.receive(manager, type, learner.email(), Instant.now().minusSeconds(120).toString(),
					Attributes.NONE, "nodes-" + type + "-" + learner.userId().value());
		}
		var ids = learners.stream().map(l -> l.userId().value()).toList();
		// Only the second parts, not yet due: the nodes are already sending the first, each batch holding its rows.
		var now = java.sql.Timestamp.from(Instant.now());
		jdbc.sql("UPDATE deliveries SET send_at = :now WHERE user_id IN (:ids) AND send_at > :now")
			.param("now", now).param("ids", ids).update();

		// Node A sends as fast as it can while node B sends every 200 ms.
		var planned = LEARNERS * TRIGGERS_EACH;
		var deadline = System.nanoTime() + 60_000_000_000L;
		while (sent(ids) < planned && System.nanoTime() < deadline) {
			dispatcherA.sendDue();
		}

		assertThat(sent(ids)).isEqualTo(planned);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_sends WHERE user_id IN (:ids)").param("ids", ids)
			.query(Long.class).single()).isEqualTo(planned);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT send_id) FROM deliveries WHERE user_id IN (:ids)").param("ids", ids)
			.query(Long.class).single()).isEqualTo(planned);
		var byNode = jdbc.sql("SELECT sent_by, COUNT(*) FROM delivery_sends WHERE user_id IN (:ids) GROUP BY sent_by")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list();
		var nodeBName = nodeB.getBean(Dispatcher.class).node();
		assertThat(byNode).extracting(Map.Entry::getKey).containsOnly(dispatcherA.node(), nodeBName);
		System.out.println("Sends per node: " + byNode);
		// Each mail once: every learner gets exactly their two, and no more arrive later.
		var mailDeadline = System.nanoTime() + 90_000_000_000L;
		while (!learners.stream().allMatch(l -> SendingTests.mailsTo(l.email(), -1).size() >= TRIGGERS_EACH)
				&& System.nanoTime() < mailDeadline) {
			Thread.sleep(200);
		}
		Thread.sleep(1_000);
		for (var learner : learners) {
			assertThat(SendingTests.mailsTo(learner.email(), -1)).as(learner.email()).hasSize(TRIGGERS_EACH);
		}
	}

	private long sent(java.util.List<UUID> ids) {
		return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE user_id IN (:ids) AND status = 'SENT'")
			.param("ids", ids)
			.query(Long.class)
			.single();
	}
}
