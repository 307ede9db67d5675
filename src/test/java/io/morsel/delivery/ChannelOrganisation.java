package io.morsel.delivery;

import static io.morsel.support.Eventually.await;

import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.People;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organisation of a test's own, so that the channels it sets up (Slack, Teams, a webhook) reach no other test's
 * sends: an administrator, a manager, an author and one learner whose cadence lets nudges out at any time.
 */
record ChannelOrganisation(String slug, CurrentMember admin, CurrentMember manager, CurrentMember author,
		CurrentMember learner) {

	static ChannelOrganisation create(JdbcClient jdbc, Directory directory, Cadences cadences) {
		var slug = "ch-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, :slug, :name, :now)")
			.param("id", UUID.randomUUID()).param("slug", slug).param("name", "Channels " + slug)
			.param("now", java.sql.Timestamp.from(Instant.now())).update();
		var admin = People.member(jdbc, directory, slug, "UTC", "Ada Admin", "ADMIN");
		var manager = People.member(jdbc, directory, slug, "UTC", "Max Manager", "MANAGER");
		var author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		var learner = People.learner(jdbc, directory, slug, "Europe/Berlin", "Lee Learner");
		Deliveries.openAllDay(cadences, learner, 20);
		return new ChannelOrganisation(slug, admin, manager, author, learner);
	}

	/** A published lesson of catalog/every-block.json (its single-choice question "verb": "List" is right). */
	LessonId lesson(Lessons lessons, JsonMapper json, String title) throws IOException {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title);
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			return lesson;
		}
	}

	/** Plans a delivery of the lesson for the learner now, through a trigger and its rule. */
	void trigger(TriggerRules rules, Triggers triggers, LessonId lesson) {
		var type = "meeting.scheduled-" + UUID.randomUUID().toString().substring(0, 8);
		rules.add(manager, new TriggerType(type), "Before the meeting", Map.of(), lesson, null,
				new RuleTiming(0, 0, null));
		triggers.receive(manager, type, learner.email(), null, Attributes.NONE, "key-" + type);
	}

	/** Makes the learner's review cards due an hour ago, once the card of their answer exists. */
	void reviewDue(JdbcClient jdbc) {
		await(() -> jdbc.sql("SELECT COUNT(*) FROM review_cards WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Long.class).single() > 0);
		io.morsel.support.DueReviews.all(jdbc, learner.userId().value(), Instant.now().minus(1, ChronoUnit.HOURS));
	}

	long reviews(JdbcClient jdbc, String source) {
		return jdbc.sql("SELECT COUNT(*) FROM reviews WHERE user_id = :user AND source = :source")
			.param("user", learner.userId().value()).param("source", source).query(Long.class).single();
	}
}
