package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.People;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second node, a JVM of its own on the test database, is killed ({@code SIGKILL}) in the middle of a batch: it has
 * claimed learners and written part of their sends in an open transaction, which this test makes wait on rows it
 * holds; and it has committed earlier sends whose mails are queued, or taken by an SMTP server that never answered.
 * The surviving node (the shared test context) then sends every delivery exactly once, and every learner receives
 * each mail, by its Message-ID, exactly once; the only copies beyond that are those the dead node had handed to SMTP,
 * at most as many as a node hands over at once, and they carry the same Message-ID. The survivor's own dispatcher is
 * stopped while the second node lives, so that the second node is sure to claim the batches it is killed holding.
 */
@MorselIntegrationTest
// A second JVM on the test database, found in pg_stat_activity: PostgreSQL only, like the outage test.
@DisabledIf("io.morsel.TestInfrastructure#onH2")
class DeliveriesWhenANodeDiesTests {

	static final String NODE = "morsel-node-killed";
	/** Learners whose deliveries are due at once: the node to be killed sends many of them and mails go to SMTP. */
	static final int FIRST = 20;
	/** Learners whose deliveries fall due while the node holds a batch of them. */
	static final int SECOND = 60;
	/** How many mails a node hands to SMTP at once (EmailChannel). */
	static final int MAILING_AT_ONCE = 4;

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
	Dispatcher survivor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aNodeKilledInTheMiddleOfABatchLosesNothingAndDuplicatesNothing() throws Exception {
		var manager = directory.member("manager@acme.test", "acme").orElseThrow();
		var type = "release.shipped-" + UUID.randomUUID().toString().substring(0, 8);
		var lesson = Deliveries.lesson(lessons, directory, json, "acme", "What shipped in the release");
		rules.add(manager, new TriggerType(type), "Release notes", Map.of(), lesson, null, RuleTiming.AT_THE_EVENT);
		var first = learners(FIRST, "First");
		var second = learners(SECOND, "Second");
		var everyone = Stream.concat(first.stream(), second.stream()).toList();
		var ids = everyone.stream().map(l -> l.userId().value()).toList();

		try (var smtp = new HoldingSmtp()) {
			var log = Files.createTempFile("morsel-node-killed", ".log");
			var node = start(smtp.port(), log);
			// Until the second node dies, only it looks for due deliveries: the survivor, sending every second, could
			// otherwise claim all of the first learners in one batch and leave the node nothing to hand to SMTP.
			survivor.stop();
			try {
				await(() -> started(node, log), 240, "the second node to start; its log: " + log);

				// Due now: the node sends them (with the survivor), commits, and hands their mails to an SMTP server
				// that takes them and never answers; the rest of its mails wait behind those.
				for (var learner : first) {
					trigger(manager, type, learner, Instant.now());
				}
				await(() -> !smtp.taken().isEmpty(), 60, "the node to hand a mail to SMTP");

				// Due at once, but claimable only once this test lets go of their learners' rows; and half of them
				// held here, so that whichever node claims a batch of them writes part of it and then waits, with its
				// transaction open, on a row this test holds.
				var db = TestInfrastructure.database();
				var secondIds = second.stream().map(l -> l.userId().value()).toArray();
				var held = new ArrayList<UUID>();
				for (int i = 0; i < second.size(); i += 2) {
					held.add(second.get(i).userId().value());
				}
				try (var claims = DriverManager.getConnection(db.url(), db.username(), db.password());
						var holder = DriverManager.getConnection(db.url(), db.username(), db.password())) {
					claims.setAutoCommit(false);
					holder.setAutoCommit(false);
					for (var learner : second) {
						cadences.known(learner.organisationId(), learner.userId());
					}
					lock(claims, "SELECT user_id FROM delivery_learners WHERE user_id = ANY (?) FOR UPDATE", secondIds);
					for (var learner : second) {
						trigger(manager, type, learner, Instant.now());
					}
					lock(holder, "SELECT id FROM deliveries WHERE user_id = ANY (?) FOR UPDATE", held.toArray());
					claims.rollback();
					await(this::nodeWaitsInABatch, 60, "the node to wait on a held row in the middle of a batch");
					var claimedByNode = nodeHolds(second);
					node.destroyForcibly().waitFor();
					System.out.println("Killed the node while its transaction held " + claimedByNode
							+ " learners; its log: " + log);
					holder.rollback();
				}
			}
			finally {
				node.destroyForcibly().waitFor();
				survivor.start();
			}

			var planned = (long) everyone.size();
			await(() -> {
				survivor.sendDue();
				return sent(ids) == planned;
			}, 120, "the surviving node to send every delivery");
			await(() -> mailed(ids) == planned, 120, "every send to be mailed");
			Thread.sleep(1_000); // Nothing more should arrive.

			// Every delivery exactly once: one send each, made by one node, and no send left without its delivery.
			assertThat(count("SELECT COUNT(*) FROM deliveries WHERE user_id IN (:ids) AND status <> 'SENT'", ids))
				.isZero();
			assertThat(count("SELECT COUNT(*) FROM delivery_sends WHERE user_id IN (:ids)", ids)).isEqualTo(planned);
			assertThat(count("SELECT COUNT(DISTINCT send_id) FROM deliveries WHERE user_id IN (:ids)", ids))
				.isEqualTo(planned);
			assertThat(count("SELECT COUNT(*) FROM delivery_sends WHERE user_id IN (:ids) AND sent_by <> '"
					+ survivor.node() + "'", ids)).as("sends the killed node committed before it died").isPositive();

			// Every mail exactly once by its Message-ID; extra copies only of mails the dead node had handed to SMTP.
			var sendOf = new HashMap<String, UUID>();
			jdbc.sql("SELECT id, user_id FROM delivery_sends WHERE user_id IN (:ids)").param("ids", ids)
				.query((rs, n) -> sendOf.put(rs.getObject("id", UUID.class).toString(), rs.getObject("user_id", UUID.class)))
				.list();
			var emails = everyone.stream().collect(Collectors.toMap(l -> l.email().toLowerCase(), l -> l.userId().value()));
			var atTheServer = mailsTo(Arrays.asList(TestInfrastructure.mail().getReceivedMessages()), emails.keySet());
			var heldBySmtp = mailsTo(smtp.taken(), emails.keySet());
			assertThat(heldBySmtp).hasSizeBetween(1, MAILING_AT_ONCE);
			for (var learner : everyone) {
				var email = learner.email().toLowerCase();
				var ids1 = Stream.concat(atTheServer.getOrDefault(email, List.of()).stream(),
						heldBySmtp.getOrDefault(email, List.of()).stream()).collect(Collectors.toSet());
				assertThat(ids1).as(email).hasSize(1);
				var messageId = ids1.iterator().next();
				assertThat(messageId).as(email).startsWith("<send-").contains("@");
				var send = messageId.substring("<send-".length(), messageId.indexOf('@'));
				assertThat(sendOf.get(send)).as(email).isEqualTo(learner.userId().value());
				assertThat(atTheServer.getOrDefault(email, List.of())).as(email).hasSizeLessThanOrEqualTo(1);
			}
			var copies = atTheServer.values().stream().mapToLong(List::size).sum()
					+ heldBySmtp.values().stream().mapToLong(List::size).sum();
			System.out.println("Mails: " + planned + " sends, " + copies + " copies received, "
					+ heldBySmtp.values().stream().mapToLong(List::size).sum() + " of them taken by the SMTP server"
					+ " that never answered the killed node");
			assertThat(copies - planned).isLessThanOrEqualTo(MAILING_AT_ONCE);
		}
	}

	private static void lock(java.sql.Connection connection, String sql, Object[] users) throws java.sql.SQLException {
		try (var lock = connection.prepareStatement(sql)) {
			lock.setArray(1, connection.createArrayOf("uuid", users));
			lock.executeQuery().close();
		}
	}

	private List<CurrentMember> learners(int howMany, String name) {
		var learners = new ArrayList<CurrentMember>();
		for (int i = 0; i < howMany; i++) {
			var learner = People.learner(jdbc, directory, "acme", "Europe/Berlin", name + " Survivor " + i);
			Deliveries.openAllDay(cadences, learner, 24);
			learners.add(learner);
		}
		return learners;
	}

	private void trigger(CurrentMember manager, String type, CurrentMember learner, Instant at) {
		triggers.receive(manager, type, learner.email(), at.toString(), Attributes.NONE,
				type + "-" + learner.userId().value());
	}

	/**
	 * The second node: the application's main class in a JVM of its own, on the test classpath and database, sending
	 * every 200 ms. Its connections are named, and PostgreSQL checks every 300 ms whether their client is still there,
	 * so that the transaction of a killed node ends at once rather than when its socket times out.
	 */
	private static Process start(int smtpPort, Path log) throws IOException {
		var db = TestInfrastructure.database();
		var url = db.url() + "?ApplicationName=" + NODE + "&options="
				+ URLEncoder.encode("-c client_connection_check_interval=300", StandardCharsets.UTF_8);
		var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				MorselApplication.class.getName(), "--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				"--morsel.demo.seed=false", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--morsel.delivery.dispatch-interval=200ms",
				// It must not take over the test context's open publications, nor anyone else's.
				"--spring.modulith.events.republish-outstanding-events-on-restart=false",
				"--morsel.delivery.mail-resubmit-after=1h", "--morsel.search.semantic=false",
				// Its mails stay in the hands of the SMTP server until it is killed, as if it died handing them over.
				"--spring.mail.properties.mail.smtp.timeout=0",
				"--morsel.search.index-dir=" + System.getProperty("java.io.tmpdir") + "/morsel-test-index/"
						+ UUID.randomUUID());
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static boolean started(Process node, Path log) {
		if (!node.isAlive()) {
			throw new IllegalStateException("The second node stopped; its log: " + log);
		}
		try {
			return Files.readString(log).contains("Started MorselApplication");
		}
		catch (IOException e) {
			return false;
		}
	}

	/** Whether a connection of the node waits on a lock: its dispatcher is in the middle of a batch. */
	private boolean nodeWaitsInABatch() {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM pg_stat_activity
				WHERE application_name = :node
				  AND wait_event_type = 'Lock'
				  AND state = 'active'
				""").param("node", NODE).query(Long.class).single() > 0;
	}

	/** How many of these learners' rows a transaction other than ours holds (probed without waiting). */
	private long nodeHolds(List<CurrentMember> learners) {
		var ids = learners.stream().map(l -> l.userId().value()).toList();
		var free = jdbc.sql("""
				SELECT COUNT(*) FROM (
				    SELECT user_id
				    FROM delivery_learners
				    WHERE user_id IN (:ids)
				    FOR UPDATE SKIP LOCKED) free
				""").param("ids", ids).query(Long.class).single();
		return learners.size() - free;
	}

	private long sent(List<UUID> ids) {
		return count("SELECT COUNT(*) FROM deliveries WHERE user_id IN (:ids) AND status = 'SENT'", ids);
	}

	private long mailed(List<UUID> ids) {
		return count("SELECT COUNT(*) FROM delivery_sends WHERE user_id IN (:ids) AND emailed_at IS NOT NULL", ids);
	}

	private long count(String sql, List<UUID> ids) {
		return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
	}

	/** The Message-IDs of these mails, a copy each, by recipient among these addresses. */
	private static Map<String, List<String>> mailsTo(List<MimeMessage> mails, Set<String> addresses)
			throws MessagingException {
		var byRecipient = new HashMap<String, List<String>>();
		for (var mail : mails) {
			for (var recipient : mail.getAllRecipients()) {
				var address = recipient.toString().toLowerCase();
				if (addresses.contains(address)) {
					byRecipient.computeIfAbsent(address, a -> new ArrayList<>()).add(mail.getMessageID());
				}
			}
		}
		return byRecipient;
	}

	private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
		var deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + seconds + " s for " + what);
			}
			Thread.sleep(100);
		}
	}
}
