package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.People;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Today's "Next up" is the one item of the no-pile-up rule, whatever else the learner has open. */
@MorselIntegrationTest
class TodayNextUpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anAssignmentDueSoonComesBeforeTheSeriesTheLearnerJoined() throws Exception {
		var learner = People.learner(jdbc, directory, "acme", "Europe/Berlin", "Nia Nextup");
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var joined = program("Storytelling basics", true);
		var assigned = program("Compliance refresher", false);
		enrolments.enrol(Learner.of(learner), joined.id());

		assertThat(nextUp(learner)).contains("Next in your program", "Storytelling basics lesson");

		enrolments.assign(admin, assigned.id(), List.of(learner.memberId()), List.of(),
				Instant.now().plus(Duration.ofDays(2)));

		assertThat(nextUp(learner)).contains("Assigned, due soon", "Compliance refresher lesson")
			.doesNotContain("Storytelling basics lesson");
	}

	@Test
	void aLearnerWithNothingOpenHasNoNextUp() throws Exception {
		var learner = People.learner(jdbc, directory, "acme", "UTC", "Nobody Busy");
		assertThat(today(learner)).doesNotContain("next-up-heading");
	}

	private String nextUp(CurrentMember learner) throws Exception {
		var card = Pattern.compile("<section class=\"card next-up-card\".*?</section>", Pattern.DOTALL)
			.matcher(today(learner));
		assertThat(card.find()).isTrue();
		return card.group();
	}

	private String today(CurrentMember learner) throws Exception {
		return mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
	}

	private Program program(String title, boolean selfEnrol) throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		LessonId lesson;
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title + " lesson");
			lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
		}
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		return programs.create(author.organisationId(), "next-" + suffix, title, "Learners know what comes next", null,
				selfEnrol, List.of(lesson));
	}
}
