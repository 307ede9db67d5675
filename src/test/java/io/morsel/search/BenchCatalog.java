package io.morsel.search;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes generated lessons ({@link GeneratedLessons}) into an organisation of a Morsel database, straight into the
 * catalog's tables, as publishing through the API would leave them (a lesson, its published version 1, its skills),
 * and writes the learners' queries for the benchmark (bench/search/run). Going around the API is what makes 100,000
 * lessons a matter of a minute; the search index then reads them from the catalog like any published lesson.
 *
 * <p>{@code catalog <jdbc url> <user> <password> <organisation slug> <author email> <from> <to> <seed>}: lessons
 * {@code from} (inclusive) to {@code to}, then one change-log entry asking every node to rebuild the organisation.
 * <br>{@code queries <seed> <count> <folder>}: {@code queries.txt} (one a line) and {@code queries.lua} (URL-encoded,
 * for wrk).
 * <br>{@code lesson <seed> <n>}: lesson {@code n} as stored, to see what the benchmark searches.
 */
public class BenchCatalog {

	private static final int BATCH = 1_000;

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "catalog" -> publish(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]),
					Integer.parseInt(args[7]), Long.parseLong(args[8]));
			case "queries" -> queries(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
			case "lesson" -> System.out.println(JsonMapper.builder().build()
				.writerWithDefaultPrettyPrinter()
				.writeValueAsString(new GeneratedLessons(Long.parseLong(args[1])).lesson(Integer.parseInt(args[2]))));
			default -> throw new IllegalArgumentException("catalog, queries or lesson, not " + args[0]);
		}
	}

	private static void queries(long seed, int count, Path folder) throws IOException {
		var queries = new GeneratedLessons(seed).queries(count);
		Files.write(folder.resolve("queries.txt"), queries);
		var lua = new StringBuilder("queries = {\n");
		for (var query : queries) {
			lua.append("  \"").append(URLEncoder.encode(query, StandardCharsets.UTF_8)).append("\",\n");
		}
		Files.writeString(folder.resolve("queries.lua"), lua.append("}\n"));
	}

	private static void publish(String url, String user, String password, String slug, String authorEmail, int from,
			int to, long seed) throws SQLException {
		var lessons = new GeneratedLessons(seed);
		var json = JsonMapper.builder().build();
		var started = System.nanoTime();
		try (var db = DriverManager.getConnection(url, user, password)) {
			db.setAutoCommit(false);
			var organisation = id(db, "SELECT id FROM organisations WHERE slug = ?", slug);
			var author = id(db, "SELECT id FROM users WHERE email = ?", authorEmail);
			var now = Timestamp.from(Instant.now());
			var skills = new HashMap<String, UUID>();
			for (var name : GeneratedLessons.skills()) {
				try (var insert = db.prepareStatement("""
						INSERT INTO skills (id, organisation_id, name, created_at) VALUES (?, ?, ?, ?)
						ON CONFLICT (organisation_id, name) DO NOTHING""")) {
					insert.setObject(1, UUID.randomUUID());
					insert.setObject(2, organisation);
					insert.setString(3, name);
					insert.setTimestamp(4, now);
					insert.executeUpdate();
				}
				try (var select = db.prepareStatement("SELECT id FROM skills WHERE organisation_id = ? AND name = ?")) {
					select.setObject(1, organisation);
					select.setString(2, name);
					try (var rs = select.executeQuery()) {
						rs.next();
						skills.put(name, rs.getObject(1, UUID.class));
					}
				}
			}
			try (var lesson = db.prepareStatement("""
					INSERT INTO lessons (id, organisation_id, created_by, created_at, published_version)
					VALUES (?, ?, ?, ?, 1)""");
					var version = db.prepareStatement("""
							INSERT INTO lesson_versions (lesson_id, version, organisation_id, title, objective,
							                             estimated_minutes, content, saved_by, saved_at, published_at)
							VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""");
					var skill = db.prepareStatement("INSERT INTO lesson_skills (lesson_id, version, skill_id) VALUES (?, 1, ?)")) {
				for (int n = from; n < to; n++) {
					var content = lessons.lesson(n);
					var id = UUID.randomUUID();
					lesson.setObject(1, id);
					lesson.setObject(2, organisation);
					lesson.setObject(3, author);
					lesson.setTimestamp(4, now);
					lesson.addBatch();
					version.setObject(1, id);
					version.setObject(2, organisation);
					version.setString(3, content.title());
					version.setString(4, content.objective().text());
					version.setInt(5, content.estimatedMinutes());
					version.setString(6, json.writeValueAsString(content));
					version.setObject(7, author);
					version.setTimestamp(8, now);
					version.setTimestamp(9, now);
					version.addBatch();
					for (var name : content.skills()) {
						skill.setObject(1, id);
						skill.setObject(2, skills.get(name));
						skill.addBatch();
					}
					if ((n - from + 1) % BATCH == 0 || n == to - 1) {
						lesson.executeBatch();
						version.executeBatch();
						skill.executeBatch();
						db.commit();
					}
				}
			}
			try (var change = db.prepareStatement("""
					INSERT INTO search_changes (organisation_id, lesson_id, change, recorded_at)
					VALUES (?, NULL, 'organisation', ?)""")) {
				change.setObject(1, organisation);
				change.setTimestamp(2, now);
				change.executeUpdate();
			}
			db.commit();
		}
		System.out.printf("published lessons %,d to %,d into %s in %,d ms%n", from, to - 1, slug,
				(System.nanoTime() - started) / 1_000_000);
	}

	private static UUID id(Connection db, String sql, String key) throws SQLException {
		try (var select = db.prepareStatement(sql)) {
			select.setString(1, key);
			try (var rs = select.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("Not in the database: " + key);
				}
				return rs.getObject(1, UUID.class);
			}
		}
	}
}
