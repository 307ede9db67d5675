package io.morsel.delivery;

import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the delivery tests set up: lessons to deliver, and learners whose cadence lets a nudge out at any time. */
final class Deliveries {

	private Deliveries() {
	}

	/** A published lesson of the demo organisation with this title. */
	static LessonId lesson(Lessons lessons, Directory directory, JsonMapper json, String organisation, String title)
			throws IOException {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		try (var in = Deliveries.class.getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title);
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			return lesson;
		}
	}

	/**
	 * Lets nudges reach the learner whenever the test runs: this many a day, every day, and quiet hours of one minute
	 * twelve hours from now.
	 */
	static void openAllDay(Cadences cadences, CurrentMember learner, int perDay) {
		var quietStart = LocalTime.ofInstant(Instant.now().plus(12, ChronoUnit.HOURS), learner.zone())
			.truncatedTo(ChronoUnit.MINUTES);
		var quiet = new QuietHours(quietStart, quietStart.plusMinutes(1));
		cadences.set(learner.organisationId(), Cadences.Level.LEARNER, learner.userId().value(),
				new CadenceSettings(perDay, 100, quiet, List.of(), false, 0));
	}
}
