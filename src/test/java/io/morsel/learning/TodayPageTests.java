package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Today shows each learner their own programs: kept cards never show one learner's progress to another. */
@MorselIntegrationTest
class TodayPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	@Autowired
	FlashMapManager flashMaps;

	CurrentMember learner;
	CurrentMember colleague;
	LessonId lesson;
	String title;

	@BeforeEach
	void setUp() throws Exception {
		learner = directory.member("learner@acme.test", "acme").orElseThrow();
		colleague = directory.member("consultant@morsel.test", "acme").orElseThrow();
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
		}
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		title = "Program for today " + suffix;
		var program = programs.create(author.organisationId(), "today-" + suffix, title, "Learners start on Today",
				null, true, List.of(lesson));
		join(learner, program.id());
		join(colleague, program.id());
	}

	@Test
	void eachLearnerSeesTheirOwnPlaceInTheSameProgram() throws Exception {
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner))); // Starts the lesson.

		var started = card(today(learner));
		var notStarted = card(today(colleague));

		assertThat(started).contains("0 of 1 lessons done", ">Continue<").doesNotContain(">Start<");
		assertThat(notStarted).contains("0 of 1 lessons done", ">Start<").doesNotContain(">Continue<");
		// The page is kept per header: the colleague, in two organisations, has the switcher; the learner has not.
		assertThat(today(colleague)).contains("Globex Partners");
		assertThat(today(learner)).doesNotContain("Globex Partners");
	}

	@Test
	void aProgramCardSaysHowManyLessonsAndMinutesAndShowsItsBarBeforeTheFirstLesson() throws Exception {
		var card = card(today(learner));

		assertThat(card).contains("1 lesson, 5 minutes", "0 of 1 lessons done")
			.containsPattern("<progress class=\"program-progress\" max=\"100\" value=\"0\"");
	}

	@Test
	void theKeptPageShowsWhatThePageRenderedWholeShows() throws Exception {
		var kept = today(learner);
		// A flash message makes Today render the page whole, through Thymeleaf, from the same template.
		var flash = new FlashMap();
		flash.put("flash", "flash.program.joined");
		var response = new MockHttpServletResponse();
		flashMaps.saveOutputFlashMap(flash, new MockHttpServletRequest(), response);
		var whole = mvc.perform(get("/today").with(SignedIn.as(learner)).cookie(response.getCookies())).andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(kept).contains(title, "Programs you can join");
		assertThat(whole).contains("class=\"flash\"");
		assertThat(comparable(whole.replaceFirst("<div class=\"flash\" role=\"status\">[^<]*</div>", "")))
			.isEqualTo(comparable(kept));
	}

	private void join(CurrentMember member, ProgramId program) throws Exception {
		mvc.perform(post("/programs/" + program.value() + "/enrolment").with(SignedIn.as(member)).with(csrf()));
	}

	private String today(CurrentMember member) throws Exception {
		var response = mvc.perform(get("/today").with(SignedIn.as(member))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** This test's program's card on the page. */
	private String card(String page) {
		var card = Pattern.compile("<li class=\"card program-card[^\"]*\">(?:(?!</li>).)*" + Pattern.quote(title)
				+ "(?:(?!</li>).)*</li>", Pattern.DOTALL).matcher(page);
		assertThat(card.find()).as(page).isTrue();
		return card.group();
	}

	/** The page apart from whitespace and its forms' CSRF tokens. */
	private static String comparable(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"")
			.replaceAll("\\s+", " ")
			.replace("> <", "><");
	}
}
