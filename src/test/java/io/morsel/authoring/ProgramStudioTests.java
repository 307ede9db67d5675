package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Attempts;
import io.morsel.learning.Learner;
import io.morsel.learning.Enrolments;
import io.morsel.learning.ProgramProgress;
import io.morsel.learning.Progress;
import io.morsel.identity.SignedIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Authors build programs in the studio: create one, change its details, add, move and remove lessons, with and
 * without htmx. Refused input says why and changes nothing; learners keep their progress through every change.
 */
@MorselIntegrationTest
class ProgramStudioTests {

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
	Attempts attempts;

	@Autowired
	Progress progress;

	CurrentMember author;
	LessonId first;
	LessonId second;
	LessonId draft;
	ProgramId program;
	String title;

	@BeforeEach
	void createProgramWithOneLesson() throws Exception {
		author = directory.member("author@acme.test", "acme").orElseThrow();
		first = lesson("Open a forecast", true);
		second = lesson("Read its range", true);
		draft = lesson("Share a forecast", false);
		title = "Forecast with confidence " + UUID.randomUUID().toString().substring(0, 8);
		var created = mvc.perform(as(author, post("/studio/programs")).param("title", title)
			.param("outcome", "Account managers share a forecast with its range in every quarterly review.")
			.param("description", "Three short lessons.").param("selfEnrol", "true")
			.param("lesson", first.value().toString())).andReturn().getResponse();
		assertThat(created.getRedirectedUrl()).startsWith("/studio/programs/");
		program = new ProgramId(UUID.fromString(created.getRedirectedUrl().substring("/studio/programs/".length())));
	}

	@Test
	void theStudioListsThePrograms() throws Exception {
		var studio = page(get("/studio"));
		var list = page(get("/studio/programs"));

		assertThat(studio).contains("href=\"/studio/programs\"");
		assertThat(list).contains(title, "Account managers share a forecast", "href=\"" + base() + "\"", "Open to learners");
		assertThat(list).contains("Share a forecast (not yet published)");
	}

	@Test
	void lessonsAreAddedMovedAndRemovedWithoutJavaScript() throws Exception {
		var added = mvc.perform(as(author, post(base() + "/lessons")).param("lesson", second.value().toString()))
			.andReturn();
		submit(base() + "/lessons", "lesson", draft.value().toString());
		var moved = mvc.perform(as(author, post(base() + "/lessons/" + draft.value() + "/move")).param("direction", "up"))
			.andReturn().getResponse();
		var removed = mvc.perform(as(author, post(base() + "/lessons/" + first.value() + "/remove"))).andReturn()
			.getResponse();

		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(base());
		assertThat(added.getFlashMap().get("flash")).isEqualTo("studio.programs.lesson-added");
		assertThat(moved.getRedirectedUrl()).isEqualTo(base() + "#up-" + draft.value());
		assertThat(removed.getRedirectedUrl()).isEqualTo(base() + "#lessons-heading");
		assertThat(saved().lessons()).containsExactly(draft, second);
		var editor = page(get(base()));
		assertThat(editor).containsSubsequence("Share a forecast", "Not yet published", "Read its range");
		assertThat(editor).contains("aria-label=\"Up: lesson 2, Read its range\"",
				"aria-label=\"Remove: lesson 1, Share a forecast\"");
	}

	@Test
	void withHtmxOnlyTheEditorComesBackAndTheKeyboardStaysOnTheMovedLesson() throws Exception {
		var details = htmx(post(base() + "/details").param("title", "Forecasts people trust")
			.param("outcome", "Nine in ten quarterly reviews show a forecast with its range.").param("description", ""));
		htmx(post(base() + "/lessons").param("lesson", second.value().toString()));
		var movedUp = htmx(post(base() + "/lessons/" + second.value() + "/move").param("direction", "up"));
		var movedBack = htmx(post(base() + "/lessons/" + first.value() + "/move").param("direction", "up"));

		assertThat(details).doesNotContain("<html").contains("id=\"program-editor\"", "role=\"status\"", "Program saved.");
		assertThat(movedUp).doesNotContain("<html").contains("Lesson moved.");
		// Moved to the top, its Up button is disabled: the keyboard goes to its Down button.
		assertThat(movedUp).containsPattern("id=\"down-" + second.value() + "\"[^>]*autofocus");
		assertThat(movedBack).containsPattern("id=\"down-" + first.value() + "\"[^>]*autofocus");
		var program = saved();
		assertThat(program.title()).isEqualTo("Forecasts people trust");
		assertThat(program.description()).isNull();
		assertThat(program.selfEnrol()).isFalse();
		assertThat(program.lessons()).containsExactly(first, second);
	}

	@Test
	void refusedInputSaysWhyKeepsWhatWasTypedAndChangesNothing() throws Exception {
		var before = saved();
		var globexAuthor = directory.member("author@globex.test", "globex").orElseThrow();
		var foreign = lessons.create(globexAuthor, content("Globex lesson")).lessonId();

		var blankTitle = htmx(post(base() + "/details").param("title", " ")
			.param("outcome", "A new outcome worth keeping").param("selfEnrol", "true"));
		var markup = page(post(base() + "/details").param("title", "<b>Bold</b>")
			.param("outcome", "Still measurable").param("selfEnrol", "true"));
		var longOutcome = htmx(post(base() + "/details").param("title", "T").param("outcome", "x".repeat(301)));
		var lastLesson = htmx(post(base() + "/lessons/" + first.value() + "/remove"));
		var foreignLesson = htmx(post(base() + "/lessons").param("lesson", foreign.value().toString()));
		var twice = htmx(post(base() + "/lessons").param("lesson", first.value().toString()));
		var none = htmx(post(base() + "/lessons").param("lesson", ""));

		assertThat(blankTitle).contains("role=\"alert\"", "needs a title", "A new outcome worth keeping");
		assertThat(markup).contains("<html", "role=\"alert\"", "plain text", "&lt;b&gt;Bold&lt;/b&gt;");
		assertThat(longOutcome).contains("at most 300 characters");
		assertThat(lastLesson).contains("keeps at least one lesson");
		assertThat(foreignLesson).contains("one of the organisation");
		assertThat(twice).contains("already in the program");
		assertThat(none).contains("Choose a lesson");
		assertThat(saved()).isEqualTo(before);
	}

	@Test
	void aRefusedNewProgramKeepsWhatWasTyped() throws Exception {
		var count = programs.all(author.organisationId()).size();

		var refused = page(post("/studio/programs").param("title", "")
			.param("outcome", "Partners launch forecasting within a month").param("lesson", second.value().toString()));

		assertThat(refused).contains("role=\"alert\"", "needs a title", "Partners launch forecasting within a month");
		assertThat(refused).containsPattern("value=\"" + second.value() + "\"\\s+selected");
		assertThat(programs.all(author.organisationId())).hasSize(count);
	}

	@Test
	void twoProgramsWithTheSameTitleGetTheirOwnSlugs() throws Exception {
		submit("/studio/programs", "title", title, "outcome", "Another outcome", "lesson", first.value().toString());

		var slugs = programs.all(author.organisationId()).stream().filter(p -> p.title().equals(title))
			.map(Program::slug).toList();

		assertThat(slugs).hasSize(2).doesNotHaveDuplicates().allMatch(s -> s.startsWith("forecast-with-confidence-"));
	}

	@Test
	void learnersAndManagersCannotReachTheStudioPrograms() throws Exception {
		for (var email : List.of("learner@acme.test", "manager@acme.test")) {
			var member = directory.member(email, "acme").orElseThrow();
			assertThat(status(as(member, get("/studio/programs")))).isEqualTo(403);
			assertThat(status(as(member, get(base())))).isEqualTo(403);
			assertThat(status(as(member, post(base() + "/details")).param("title", "Taken over")
				.param("outcome", "Nothing"))).isEqualTo(403);
		}
		assertThat(saved().title()).isEqualTo(title);
	}

	@Test
	void anotherOrganisationsProgramIsNotFound() throws Exception {
		var globexAuthor = directory.member("author@globex.test", "globex").orElseThrow();

		assertThat(status(as(globexAuthor, get(base())))).isEqualTo(404);
		assertThat(status(as(globexAuthor, post(base() + "/details")).param("title", "Taken over")
			.param("outcome", "Nothing"))).isEqualTo(404);
		assertThat(status(as(globexAuthor, post(base() + "/lessons/" + first.value() + "/remove")))).isEqualTo(404);
		assertThat(status(as(author, get("/studio/programs/" + UUID.randomUUID())))).isEqualTo(404);
		assertThat(saved().title()).isEqualTo(title);
	}

	@Test
	void learnersKeepTheirProgressWhenLessonsAreReorderedRemovedAndAddedBack() throws Exception {
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		submit(base() + "/lessons", "lesson", second.value().toString());
		submit(base() + "/lessons", "lesson", draft.value().toString());
		enrolments.enrol(Learner.of(learner), program);
		attempts.open(Learner.of(learner), first);

		submit(base() + "/lessons/" + second.value() + "/move", "direction", "up");
		var reordered = progress.of(Learner.of(learner), program).orElseThrow();
		var page = mvc.perform(get("/programs/" + program.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		submit(base() + "/lessons/" + first.value() + "/remove");
		var removed = progress.of(Learner.of(learner), program).orElseThrow();
		submit(base() + "/lessons", "lesson", first.value().toString());
		var addedBack = progress.of(Learner.of(learner), program).orElseThrow();

		// The draft lesson is not shown to learners until it is published.
		assertThat(reordered.lessons()).extracting(ProgramProgress.LessonStatus::id).containsExactly(second, first);
		assertThat(reordered.lessons().get(1).status()).isEqualTo(ProgramProgress.Status.IN_PROGRESS);
		assertThat(page).containsSubsequence("Read its range", "Open a forecast");
		assertThat(removed.enrolment()).isNotNull();
		assertThat(removed.lessons()).extracting(ProgramProgress.LessonStatus::id).containsExactly(second);
		assertThat(attempts.find(Learner.of(learner), first)).isPresent();
		assertThat(addedBack.lessons()).extracting(ProgramProgress.LessonStatus::id).containsExactly(second, first);
		assertThat(addedBack.lessons().get(1).status()).isEqualTo(ProgramProgress.Status.IN_PROGRESS);
	}

	private LessonId lesson(String title, boolean published) {
		var created = lessons.create(author, content(title));
		if (published) {
			lessons.publish(author, created.lessonId());
		}
		return created.lessonId();
	}

	private static LessonContent content(String title) {
		return new LessonContent(title, new Objective("Open the forecast of a deal in the CRM."), 3, List.of(),
				List.of(new Block.Text("A forecast is a range.")));
	}

	private String base() {
		return "/studio/programs/" + program.value();
	}

	private Program saved() {
		return programs.find(author.organisationId(), program).orElseThrow();
	}

	/** A plain form post of the author, as a browser without JavaScript sends it. */
	private MockHttpServletResponse submit(String path, String... params) throws Exception {
		var request = as(author, post(path));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/studio/programs/");
		return response;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(SignedIn.as(author)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String htmx(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(author, request).header("HX-Request", "true")).andReturn().getResponse()
			.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static MockHttpServletRequestBuilder as(CurrentMember member, MockHttpServletRequestBuilder request) {
		return request.with(SignedIn.as(member)).with(csrf());
	}
}
