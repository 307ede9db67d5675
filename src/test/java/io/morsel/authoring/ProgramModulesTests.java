package io.morsel.authoring;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramModule;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overwhelm guard and program modules: a program of more than 12 lessons without modules is warned about, with
 * where to group them; modules are started, renamed, ungrouped and taken as suggested, in the studio and the API.
 */
@MorselIntegrationTest
class ProgramModulesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	ProgramWorkbench workbench;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	Api api;

	CurrentMember author;
	List<LessonId> inOrder;
	ProgramId program;

	@BeforeEach
	void createProgramOfThirteenLessonsOnThreeTopics() {
		api = Api.on(port);
		author = directory.member("author@acme.test", "acme").orElseThrow();
		inOrder = new ArrayList<>();
		topic(5, "Forecast the quarter", "Explain the forecast range of a pipeline deal");
		topic(4, "Price a renewal", "Apply the renewal discount to an invoice");
		topic(4, "Welcome a customer", "Choose the onboarding welcome call agenda");
		program = workbench.create(author, null, new ProgramDetails("Account basics " + UUID.randomUUID(),
				"Account managers run a renewal without help within a month.", null, false), inOrder).id();
	}

	@Test
	void aLongProgramWithoutModulesIsWarnedAboutWithWhereToGroup() throws Exception {
		var warning = workbench.overwhelm(author, program).orElseThrow();
		var editor = page(get(base()));

		assertThat(warning.lessons()).isEqualTo(13);
		assertThat(warning.limit()).isEqualTo(12);
		assertThat(warning.suggestion()).extracting(OverwhelmWarning.SuggestedModule::firstLesson)
			.containsExactly(inOrder.get(0), inOrder.get(5), inOrder.get(9));
		assertThat(warning.suggestion()).extracting(OverwhelmWarning.SuggestedModule::lessons).containsExactly(5, 4, 4);
		assertThat(editor).contains("13 lessons and no modules: more than 12 in one run can overwhelm learners.",
				"Lessons 1 to 5, starting with &quot;Forecast the quarter 1&quot;",
				"Lessons 6 to 9, starting with &quot;Price a renewal 1&quot;", "Group as suggested");
	}

	@Test
	void aModuleStartedWithoutJavaScriptEndsTheWarningAndShowsInTheEditor() throws Exception {
		var started = mvc.perform(as(post(base() + "/modules")).param("lesson", inOrder.get(5).value().toString())
			.param("title", "Renewals")).andReturn();

		assertThat(started.getResponse().getRedirectedUrl()).isEqualTo(base() + "#lesson-" + inOrder.get(5).value());
		assertThat(started.getFlashMap().get("flash")).isEqualTo("studio.programs.module-saved");
		assertThat(workbench.modules(author, program)).containsExactly(new ProgramModule(inOrder.get(5), "Renewals"));
		assertThat(workbench.overwhelm(author, program)).isEmpty();
		var editor = page(get(base()));
		assertThat(editor).doesNotContain("no modules:").contains("value=\"Renewals\"", "Ungroup module: Renewals");
	}

	@Test
	void groupingAsSuggestedMakesOneModulePerSuggestionToRename() throws Exception {
		var grouped = htmx(post(base() + "/modules/suggested"));
		htmx(post(base() + "/modules").param("lesson", inOrder.get(9).value().toString()).param("title", "Onboarding"));

		assertThat(grouped).doesNotContain("<html").contains("Lessons grouped into modules.");
		assertThat(workbench.modules(author, program)).containsExactly(
				new ProgramModule(inOrder.get(0), "Forecast the quarter 1"),
				new ProgramModule(inOrder.get(5), "Price a renewal 1"), new ProgramModule(inOrder.get(9), "Onboarding"));
		// Asked again, it is refused: the program has modules now.
		assertThat(htmx(post(base() + "/modules/suggested"))).contains("This program needs no modules yet");
	}

	@Test
	void removingAModulesFirstLessonPassesTheModuleToTheNextLesson() throws Exception {
		workbench.startModule(author, program, inOrder.get(5), "Renewals");
		workbench.startModule(author, program, inOrder.get(12), "Last words");

		workbench.remove(author, program, inOrder.get(5));
		workbench.remove(author, program, inOrder.get(12));

		assertThat(workbench.modules(author, program)).containsExactly(new ProgramModule(inOrder.get(6), "Renewals"));
	}

	@Test
	void ungroupingAModuleJoinsItsLessonsToTheOneBefore() throws Exception {
		workbench.startModule(author, program, inOrder.get(5), "Renewals");

		var ended = mvc.perform(as(post(base() + "/modules/" + inOrder.get(5).value() + "/end"))).andReturn();

		assertThat(ended.getFlashMap().get("flash")).isEqualTo("studio.programs.module-ended");
		assertThat(workbench.modules(author, program)).isEmpty();
		assertThat(mvc.perform(as(post(base() + "/modules/" + inOrder.get(5).value() + "/end"))).andReturn()
			.getResponse().getContentAsString()).contains("No module starts at this lesson any more");
	}

	@Test
	void badModulesAreRefusedAndChangeNothing() throws Exception {
		var untitled = page(post(base() + "/modules").param("lesson", inOrder.get(1).value().toString())
			.param("title", " "));
		var foreign = page(post(base() + "/modules").param("lesson", UUID.randomUUID().toString())
			.param("title", "Elsewhere"));

		assertThat(untitled).contains("A module needs a title of at most 120 characters");
		assertThat(foreign).contains("A module begins at one of the program&#39;s lessons");
		assertThat(workbench.modules(author, program)).isEmpty();
	}

	@Test
	void theApiReadsAndReplacesModulesAndOtherOrganisationsGet404() {
		var token = api.token("author@acme.test", "acme");
		var path = "/api/v1/programs/" + program.value() + "/modules";

		var before = api.get(token, path);
		var replaced = api.put(token, path, Map.of("modules",
				List.of(Map.of("firstLesson", inOrder.get(0).value(), "title", "Forecasts"),
						Map.of("firstLesson", inOrder.get(5).value(), "title", "Renewals"))));
		var twice = api.put(token, path, Map.of("modules",
				List.of(Map.of("firstLesson", inOrder.get(0).value(), "title", "A"),
						Map.of("firstLesson", inOrder.get(0).value(), "title", "B"))));
		var foreign = api.get(api.token("author@globex.test", "globex"), path);
		var learner = api.get(api.token("learner@acme.test", "acme"), path);

		assertThat(before.getStatusCode().value()).isEqualTo(200);
		assertThat(json.readTree(before.getBody()).path("overwhelm").path("suggestion")).hasSize(3);
		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		var answer = json.readTree(replaced.getBody());
		assertThat(answer.path("modules").get(1).path("title").asString()).isEqualTo("Renewals");
		assertThat(answer.path("overwhelm").isNull()).isTrue();
		assertThat(twice.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(twice.getBody()).path("detail").asString())
			.isEqualTo("Two modules cannot begin at the same lesson");
		assertThat(foreign.getStatusCode().value()).isEqualTo(404);
		assertThat(learner.getStatusCode().value()).isEqualTo(403);
		assertThat(workbench.modules(author, program)).extracting(ProgramModule::title)
			.containsExactly("Forecasts", "Renewals");
	}

	private void topic(int count, String title, String objective) {
		for (var i = 1; i <= count; i++) {
			inOrder.add(lessons.create(author, new LessonContent(title + " " + i, new Objective(objective + "."), 3,
					List.of(), List.of(new Block.Text("Step " + i + ".")))).lessonId());
		}
	}

	private String base() {
		return "/studio/programs/" + program.value();
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(SignedIn.as(author)).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request)).andReturn().getResponse().getContentAsString();
	}

	private String htmx(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request).header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
	}
}
