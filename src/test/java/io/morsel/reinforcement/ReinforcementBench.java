package io.morsel.reinforcement;

import io.morsel.MorselApplication;
import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reinforcement benchmark (bench/reinforcement/README.md): starts Morsel on the database given, seeds it
 * (bench/reinforcement/seed.sql) and times the service methods: today's review and the skills of a learner with 10,000
 * cards, the mastery check after one review, and the nightly lapse scan of an organisation of 1,000,000 cards.
 */
public final class ReinforcementBench {

	private static final OrganisationId BENCH =
			new OrganisationId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));

	private ReinforcementBench() {
	}

	public static void main(String[] args) throws Exception {
		var url = System.getProperty("bench.url", "jdbc:postgresql://localhost:5432/morsel_bench_reinforcement");
		try (var app = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + System.getProperty("bench.user", "postgres"),
				"--spring.datasource.password=" + System.getProperty("bench.password", "postgres"), "--morsel.demo.seed=false",
				"--db-scheduler.enabled=false", "--logging.level.root=WARN",
				// Each lapse's MasteryLost runs a listener on its own connection: the scan's 20,000 queue for the pool.
				"--spring.datasource.hikari.connection-timeout=300000")) {
			var jdbc = app.getBean(JdbcTemplate.class);
			var started = System.nanoTime();
			jdbc.execute(Files.readString(Path.of("bench/reinforcement/seed.sql"), StandardCharsets.UTF_8));
			System.out.printf("seeded %,d cards in %.1f s%n", jdbc.queryForObject("SELECT count(*) FROM review_cards",
					Long.class), (System.nanoTime() - started) / 1e9);

			var learner = new Learner(BENCH, new UserId(md5Uuid("user/0")));
			var daily = app.getBean(DailyReview.class);
			var mastery = app.getBean(SkillMastery.class);
			var transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));

			time("today's review size (Today's card), learner of 10,000 cards", 200, () -> daily.size(learner, ZoneOffset.UTC));
			time("today's review (due cards, interleaved, their questions), learner of 10,000 cards", 200,
					() -> daily.today(learner, ZoneOffset.UTC).size());
			time("skills of a learner of 10,000 cards (100 skills, 20,000 reviews)", 20,
					() -> mastery.of(learner, Instant.now()).size());
			var skill = new SkillId(md5Uuid("skill/7"));
			time("mastery check after a review (one skill of 100 cards)", 200, () -> {
				transactions.executeWithoutResult(s -> mastery.check(learner, List.of(skill), Instant.now()));
				return 1;
			});

			var reset = Files.readString(Path.of("bench/reinforcement/reset-mastery.sql"), StandardCharsets.UTF_8);
			for (var round = 1; round <= 3; round++) {
				var begin = System.nanoTime();
				var lapsed = mastery.scanLapses(Instant.now());
				System.out.printf("nightly lapse scan, 1,000,000 cards, 99,100 mastered skills, round %d: %,d lapsed in %.0f ms%n",
						round, lapsed, (System.nanoTime() - begin) / 1e6);
				jdbc.execute(reset);
			}
		}
	}

	private static void time(String what, int runs, Supplier<Integer> work) {
		for (var i = 0; i < Math.max(5, runs / 5); i++) {
			work.get();
		}
		var times = new double[runs];
		for (var i = 0; i < runs; i++) {
			var start = System.nanoTime();
			work.get();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		System.out.printf("%s: median %.2f ms, p95 %.2f ms (%d runs)%n", what, times[runs / 2],
				times[(int) (runs * 0.95)], runs);
	}

	private static UUID md5Uuid(String text) {
		// PostgreSQL's md5(text)::uuid: the 32 hex digits of the MD5 as a UUID, no version bits set.
		try {
			var digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
			var hex = java.util.HexFormat.of().formatHex(digest);
			return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
