package io.morsel.web;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference endpoints for bench/run, only in the {@code bench} profile: the same stack's ceiling for a static answer
 * and for one row of PostgreSQL as JSON, measured in the same run as the learner's pages.
 */
@RestController
@Profile("bench")
class BenchEndpoints {

	private final JdbcClient jdbc;

	BenchEndpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/bench/hello")
	String hello() {
		return "hello";
	}

	@GetMapping("/bench/row")
	Map<String, Object> row() {
		return jdbc.sql("""
				SELECT id, slug, name
				FROM organisations
				WHERE slug = 'acme'
				""")
			.query((rs, n) -> Map.<String, Object>of("id", rs.getObject(1, UUID.class), "slug", rs.getString(2), "name",
					rs.getString(3)))
			.single();
	}
}
