package io.morsel.web;

import io.morsel.shared.NotFoundException;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference endpoints for bench/run, only in the {@code bench} profile: the same stack's ceiling for a static answer
 * and for one row of PostgreSQL as JSON, measured in the same run as the learner's pages. Elsewhere they answer 404.
 * The profile is checked at start, not by {@code @Profile}: Spring's ahead-of-time processing would settle that once,
 * when the jar is built, and a controller cannot be left to a bean registrar, which scanning would register again
 * (ADR 0022).
 */
@RestController
class BenchEndpoints {

	private final JdbcClient jdbc;

	private final boolean bench;

	BenchEndpoints(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.bench = environment.matchesProfiles("bench");
	}

	@GetMapping("/bench/hello")
	String hello() {
		requireBench();
		return "hello";
	}

	@GetMapping("/bench/row")
	Map<String, Object> row() {
		requireBench();
		return jdbc.sql("""
				SELECT id, slug, name
				FROM organisations
				WHERE slug = 'acme'
				""")
			.query((rs, n) -> Map.<String, Object>of("id", rs.getObject(1, UUID.class), "slug", rs.getString(2), "name",
					rs.getString(3)))
			.single();
	}

	private void requireBench() {
		if (!bench) {
			throw new NotFoundException("not-found.page");
		}
	}
}
