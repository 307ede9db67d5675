package io.morsel.delivery;

import io.morsel.MorselApplication;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.Directory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery benchmark (bench/delivery/README.md): seeds an organisation of its own with {@code bench.learners}
 * learners, plans one day of deliveries with the application's floor planner, then sends with one node for
 * {@code bench.window} seconds and with two nodes (two application contexts on the one database) for as long, to an
 * SMTP server of its own, and prints the planning time, sends per second and the database's work in each phase.
 */
public final class DeliveryBench {

	private static final String ORGANISATION = "00000000-0000-0000-0000-00000000d001";

	private DeliveryBench() {
	}

	public static void main(String[] args) throws Exception {
		var learners = Integer.getInteger("bench.learners", 1_000_000);
		var window = Integer.getInteger("bench.window", 60);
		var url = System.getProperty("bench.url", "jdbc:postgresql://localhost:5432/morsel_bench_delivery");
		try (var sink = new SmtpSink()) {
			var nodeA = node(url, sink.port());
			try {
				var jdbc = nodeA.getBean(JdbcTemplate.class);
				seed(nodeA, jdbc, learners);

				var stats = new DatabaseStats(jdbc);
				var before = stats.read();
				var started = System.nanoTime();
				var planned = nodeA.getBean(FloorNudges.class).plan(Instant.now());
				var planning = (System.nanoTime() - started) / 1e9;
				System.out.printf("planned %,d deliveries (one day: a floor nudge each) in %.1f s (%.0f a second)%n",
						planned, planning, planned / planning);
				stats.print("planning", before, planning);
				// The seed analysed an empty deliveries table; without this the first window plans its queries on
				// that (STACK.md, trap 15), as a database that has been running a while would not.
				jdbc.execute("ANALYZE");

				send("one node", List.of(nodeA), window, jdbc, stats, sink);
				var nodeB = node(url, sink.port());
				try {
					send("two nodes", List.of(nodeA, nodeB), window, jdbc, stats, sink);
				}
				finally {
					nodeB.close();
				}
				var left = jdbc.queryForObject("SELECT count(*) FROM deliveries WHERE status = 'PLANNED'", Long.class);
				var twice = jdbc.queryForObject("""
						SELECT count(*) FROM (SELECT user_id FROM delivery_sends GROUP BY user_id HAVING count(*) > 1) t
						""", Long.class);
				System.out.printf("still planned: %,d; learners sent to more than once: %,d; mails received: %,d%n", left,
						twice, sink.received());
			}
			finally {
				nodeA.close();
			}
		}
	}

	/** One node: the application on the bench database, its dispatcher driven by the benchmark, mail to the sink. */
	private static ConfigurableApplicationContext node(String url, int smtpPort) {
		return new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url,
				"--spring.datasource.username=" + System.getProperty("bench.user", "postgres"),
				"--spring.datasource.password=" + System.getProperty("bench.password", "postgres"),
				"--morsel.demo.seed=false", "--db-scheduler.enabled=false", "--logging.level.root=WARN",
				"--morsel.delivery.dispatch-enabled=false", "--morsel.search.semantic=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--morsel.search.index-dir=" + System.getProperty("java.io.tmpdir") + "/morsel-bench-index/" + UUID.randomUUID());
	}

	private static void seed(ConfigurableApplicationContext app, JdbcTemplate jdbc, int learners) throws Exception {
		var started = System.nanoTime();
		jdbc.execute(Files.readString(Path.of("bench/delivery/base.sql"), StandardCharsets.UTF_8));
		var directory = app.getBean(Directory.class);
		var author = directory.member("author@bench-delivery.test", "bench-delivery").orElseThrow();
		var json = app.getBean(JsonMapper.class);
		var lessons = app.getBean(Lessons.class);
		LessonContent content;
		try (var in = DeliveryBench.class.getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(in.readAllBytes());
			tree.putArray("skills");
			tree.put("title", "The day's lesson");
			content = json.treeToValue(tree, LessonContent.class);
		}
		var lesson = lessons.create(author, content).lessonId();
		lessons.publish(author, lesson);
		var program = app.getBean(Programs.class).create(author.organisationId(), "bench-day", "One lesson a day",
				"Learners take one lesson a day", null, true, List.of(lesson));
		// Quiet for one minute twelve hours from now, in UTC: in none of the seeded zones is that now.
		var quiet = LocalTime.now(ZoneOffset.UTC).plusHours(12).truncatedTo(ChronoUnit.MINUTES);
		var seed = Files.readString(Path.of("bench/delivery/seed.sql"), StandardCharsets.UTF_8)
			.replace(":learners", Integer.toString(learners))
			.replace(":program", program.id().toString())
			.replace(":quiet", quiet + "-" + quiet.plusMinutes(1));
		jdbc.execute(seed);
		System.out.printf("seeded %,d learners in an organisation of their own in %.1f s%n", learners,
				(System.nanoTime() - started) / 1e9);
	}

	/** Every node's dispatcher sends what is due, on a thread each, for the window; sends/s from the send log. */
	private static void send(String what, List<ConfigurableApplicationContext> nodes, int window, JdbcTemplate jdbc,
			DatabaseStats stats, SmtpSink sink) throws InterruptedException {
		var sentBefore = jdbc.queryForObject("SELECT count(*) FROM delivery_sends", Long.class);
		var mailsBefore = sink.received();
		var before = stats.read();
		var stop = new AtomicBoolean();
		var threads = new ArrayList<Thread>();
		var started = System.nanoTime();
		for (var node : nodes) {
			// Dispatcher.sendDue's loop, stopping when the window closes (sendDue itself runs until nothing is due).
			var dispatch = node.getBean(Dispatch.class);
			var name = node.getBean(Dispatcher.class).node();
			threads.add(Thread.ofPlatform().name("bench-" + name).start(() -> {
				while (!stop.get()) {
					try {
						if (dispatch.sendBatch(Instant.now(), Dispatcher.BATCH, name).isEmpty()) {
							return;
						}
					}
					catch (RuntimeException failed) {
						System.out.println("  a batch failed and stays planned: " + failed);
					}
				}
			}));
		}
		for (var thread : threads) {
			thread.join(Math.max(1, window * 1000L - (System.nanoTime() - started) / 1_000_000));
		}
		stop.set(true);
		for (var thread : threads) {
			thread.join();
		}
		var seconds = (System.nanoTime() - started) / 1e9;
		var sent = jdbc.queryForObject("SELECT count(*) FROM delivery_sends", Long.class) - sentBefore;
		System.out.printf("%s: %,d sends in %.1f s, %.0f sends a second; %,d mails reached the sink meanwhile%n", what,
				sent, seconds, sent / seconds, sink.received() - mailsBefore);
		var byNode = jdbc.queryForList("SELECT sent_by, count(*) AS sends FROM delivery_sends GROUP BY sent_by ORDER BY 1");
		byNode.forEach(row -> System.out.printf("  so far by %s: %,d%n", row.get("sent_by"), row.get("sends")));
		stats.print(what, before, seconds);
	}

	/** The bench database's counters (pg_stat_database), and its statements' when pg_stat_statements is loaded. */
	private static final class DatabaseStats {

		private static final List<String> COUNTERS = List.of("xact_commit", "xact_rollback", "tup_returned",
				"tup_fetched", "tup_inserted", "tup_updated", "tup_deleted", "blks_read", "blks_hit");

		private final JdbcTemplate jdbc;
		private final boolean statements;

		DatabaseStats(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
			boolean loaded;
			try {
				jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
				jdbc.queryForObject("SELECT count(*) FROM pg_stat_statements", Long.class);
				loaded = true;
			}
			catch (RuntimeException notLoaded) {
				loaded = false;
				System.out.println("pg_stat_statements is not loaded (shared_preload_libraries): database counters only");
			}
			this.statements = loaded;
		}

		Map<String, Long> read() {
			jdbc.execute("SELECT pg_stat_clear_snapshot()");
			var row = jdbc.queryForMap("SELECT " + String.join(", ", COUNTERS)
					+ " FROM pg_stat_database WHERE datname = current_database()");
			var counters = new LinkedHashMap<String, Long>();
			COUNTERS.forEach(name -> counters.put(name, ((Number) row.get(name)).longValue()));
			if (statements) {
				jdbc.execute("SELECT pg_stat_statements_reset()");
			}
			return counters;
		}

		void print(String phase, Map<String, Long> before, double seconds) {
			var after = read();
			var line = new StringBuilder("  database, " + phase + ":");
			// pg_stat_database is updated when a backend reports, at most every second or so: deltas are close.
			before.forEach((name, value) -> line.append(String.format(" %s %,d (%.0f/s)", name, after.get(name) - value,
					(after.get(name) - value) / seconds)));
			System.out.println(line);
			if (statements) {
				jdbc.queryForList("""
						SELECT calls, round(total_exec_time) AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
						FROM pg_stat_statements
						WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
						ORDER BY total_exec_time DESC
						LIMIT 6
						""").forEach(row -> System.out.printf("    %,10d calls %,8d ms  %s%n",
								((Number) row.get("calls")).longValue(), ((Number) row.get("ms")).longValue(), row.get("query")));
			}
		}
	}

	/** A real SMTP server on a local port that accepts every mail and counts it: the sink the mails go to. */
	private static final class SmtpSink implements AutoCloseable {

		private final ServerSocket server;
		private final AtomicLong received = new AtomicLong();

		SmtpSink() throws java.io.IOException {
			server = new ServerSocket(0);
			Thread.ofPlatform().daemon().name("bench-smtp").start(() -> {
				while (!server.isClosed()) {
					try {
						var client = server.accept();
						Thread.ofVirtual().start(() -> converse(client));
					}
					catch (java.io.IOException closed) {
						return;
					}
				}
			});
		}

		int port() {
			return server.getLocalPort();
		}

		long received() {
			return received.get();
		}

		private void converse(Socket client) {
			try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
					var out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
				reply(out, "220 bench SMTP sink");
				String line;
				while ((line = in.readLine()) != null) {
					var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
					switch (command) {
						case "EHLO", "HELO" -> reply(out, "250 bench");
						case "DATA" -> {
							reply(out, "354 end with <CRLF>.<CRLF>");
							while ((line = in.readLine()) != null && !line.equals(".")) {
								// The message is dropped: the benchmark measures sending, not storing.
							}
							received.incrementAndGet();
							reply(out, "250 accepted");
						}
						case "QUIT" -> {
							reply(out, "221 bye");
							return;
						}
						default -> reply(out, "250 ok");
					}
				}
			}
			catch (java.io.IOException dropped) {
				// The client went away.
			}
		}

		private static void reply(Writer out, String line) throws java.io.IOException {
			out.write(line + "\r\n");
			out.flush();
		}

		@Override
		public void close() throws java.io.IOException {
			server.close();
		}
	}
}
