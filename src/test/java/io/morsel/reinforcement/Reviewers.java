package io.morsel.reinforcement;

import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the reinforcement tests set up: a learner of their own (so that no other test's cards are theirs), in a time
 * zone of the test's choice, and published lessons of {@code catalog/every-block.json}, whose assessed questions are
 * verb, all, match and case.
 */
@Component
class Reviewers {

	private final JdbcClient jdbc;
	private final Directory directory;
	private final Lessons lessons;
	private final JsonMapper json;

	Reviewers(JdbcClient jdbc, Directory directory, Lessons lessons, JsonMapper json) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.lessons = lessons;
		this.json = json;
	}

	/** A new learner of the organisation, with no cards. */
	CurrentMember learner(String organisation, String zone) {
		var email = "reviewer-" + UUID.randomUUID() + "@" + organisation + ".test";
		var user = UUID.randomUUID();
		var membership = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO users (id, email, name, time_zone, language, created_at)
				VALUES (:id, :email, 'Rae Viewer', :zone, 'en', :now)
				""").param("id", user).param("email", email).param("zone", zone).param("now", now).update();
		jdbc.sql("""
				INSERT INTO memberships (id, organisation_id, user_id, joined_at)
				SELECT :id, id, :user, :now FROM organisations WHERE slug = :slug
				""").param("id", membership).param("user", user).param("now", now).param("slug", organisation).update();
		jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (:id, 'LEARNER')").param("id", membership)
			.update();
		return directory.member(email, organisation).orElseThrow();
	}

	/** A published lesson of the organisation, its title made unique. */
	LessonId lesson(String organisation, String title) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title + " " + UUID.randomUUID().toString().substring(0, 8));
			var draft = lessons.create(author, json.treeToValue(tree, LessonContent.class));
			return lessons.publish(author, draft.lessonId()).lessonId();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int cards(CurrentMember learner) {
		return jdbc.sql("SELECT count(*) FROM review_cards WHERE user_id = :user").param("user", learner.userId().value())
			.query(Integer.class).single();
	}

	int reviews(CurrentMember learner, String source) {
		return jdbc.sql("SELECT count(*) FROM reviews WHERE user_id = :user AND source = :source")
			.param("user", learner.userId().value()).param("source", source).query(Integer.class).single();
	}

	/** Makes every card of the learner due at that instant. */
	void due(CurrentMember learner, Instant at) {
		io.morsel.support.DueReviews.all(jdbc, learner.userId().value(), at);
	}

}
