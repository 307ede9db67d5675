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
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
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
 * The studio's lesson list (search, filters, sorting by a plain GET form), lessons started from templates, and
 * duplicating lessons and questions.
 */
@MorselIntegrationTest
class StudioLessonListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Skills skills;

	@Autowired
	ProgramWorkbench programs;

	@Autowired
	Workbench workbench;

	CurrentMember author;
	String word;

	@BeforeEach
	void signIn() {
		author = directory.member("author@acme.test", "acme").orElseThrow();
		word = "zq" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void searchFiltersAndSortsWorkAsAPlainGetForm() throws Exception {
		var skill = skills.add(author.organisationId(), "Skill " + word, null, null);
		var draft = lesson("Beta " + word, List.of(skill.name()), false);
		var published = lesson("Alpha " + word, List.of(), true);
		var changed = lesson("Gamma " + word, List.of(), true);
		workbench.details(author, changed, "Gamma " + word, "Tag a deal with its campaign.", 4, List.of());
		var program = programs.create(author, null, new ProgramDetails("Program " + word,
				"Account managers tag every launch deal within a day.", null, false), List.of(changed, draft)).id();

		var searched = page("/studio?q=" + word + "&sort=title");
		var drafts = page("/studio?q=" + word + "&status=draft");
		var liveOnly = page("/studio?q=" + word + "&status=published");
		var pending = page("/studio?q=" + word + "&status=changed");
		var bySkill = page("/studio?skill=" + skill.id().value());
		var inProgram = page("/studio?program=" + program.value() + "&sort=program");

		assertThat(searched).containsSubsequence("Alpha " + word, "Beta " + word, "Gamma " + word)
			.contains("Showing 3 of");
		assertThat(titles(drafts)).containsExactly("Beta " + word);
		assertThat(titles(liveOnly)).containsExactly("Alpha " + word);
		assertThat(titles(pending)).containsExactly("Gamma " + word);
		assertThat(bySkill).contains("Beta " + word).doesNotContain("Alpha " + word);
		assertThat(inProgram).containsSubsequence("Gamma " + word, "Beta " + word).doesNotContain("Alpha " + word);
		assertThat(page("/studio?q=nothing-" + word)).contains("No lesson matches.");
		// The New lesson form comes before the list, at the top of the page.
		assertThat(searched).containsSubsequence("id=\"new-heading\"", "id=\"list-heading\"");
	}

	@Test
	void unknownFiltersAreRefusedWithTheValuesAllowed() throws Exception {
		var status = mvc.perform(as(get("/studio")).param("status", "archived")).andReturn().getResponse();
		var sort = mvc.perform(as(get("/studio")).param("sort", "random")).andReturn().getResponse();
		var skill = mvc.perform(as(get("/studio")).param("skill", UUID.randomUUID().toString())).andReturn()
			.getResponse();
		var globex = directory.member("author@globex.test", "globex").orElseThrow();
		var foreignProgram = programs.create(globex, null, new ProgramDetails("Globex " + word,
				"Support agents close tickets within a day.", null, false),
				List.of(lessons.create(globex, content("Globex " + word, List.of())).lessonId())).id();
		var foreign = mvc.perform(as(get("/studio")).param("program", foreignProgram.value().toString())).andReturn()
			.getResponse();

		assertThat(status.getStatus()).isEqualTo(400);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> LessonFilter.status("archived"))
			.hasMessage("Unknown state 'archived': one of any, draft, published, changed");
		assertThat(sort.getStatus()).isEqualTo(400);
		assertThat(skill.getStatus()).isEqualTo(400);
		assertThat(foreign.getStatus()).isEqualTo(404);
	}

	@Test
	void aLessonStartsFromATemplateWithItsBlocks() throws Exception {
		var created = create("scenario-decision", "");
		var version = workbench.latest(author, created);

		assertThat(version.content().title()).isEqualTo("Decide " + word);
		assertThat(version.content().objective().text()).isEqualTo("Choose the reply to a customer who asks for a discount.");
		assertThat(version.content().blocks()).hasSize(2).last().isInstanceOf(Block.Question.class);
		var editor = page("/studio/lessons/" + created.value());
		assertThat(editor).contains("Describe a situation the learner meets at work");
	}

	@Test
	void everyTemplateMakesALessonAndTheFirstTextReplacesItsOpening() throws Exception {
		for (var template : List.of("concept-check", "video-quiz", "scenario-decision", "job-aid-exercise")) {
			var created = create(template, "Discounts need a reason.");
			var blocks = workbench.latest(author, created).content().blocks();
			assertThat(blocks.getFirst()).as(template).isEqualTo(new Block.Text("Discounts need a reason."));
			assertThat(blocks).as(template).anyMatch(Block.Question.class::isInstance);
		}
	}

	@Test
	void aBlankLessonNeedsItsFirstTextAndKeepsWhatWasTyped() throws Exception {
		var refused = mvc.perform(as(post("/studio/lessons")).param("title", "Decide " + word)
			.param("objective", "Choose the reply.").param("minutes", "4").param("template", "blank").param("text", " "))
			.andReturn().getResponse();
		var unknown = mvc.perform(as(post("/studio/lessons")).param("title", "Decide " + word)
			.param("objective", "Choose the reply.").param("template", "slides")).andReturn().getResponse();

		assertThat(refused.getContentAsString()).contains("Write what the learner reads first, or start from a template",
				"value=\"Decide " + word + "\"");
		assertThat(unknown.getContentAsString()).contains("A lesson starts from one of the templates blank, concept-check");
		assertThat(page("/studio?q=" + word)).doesNotContain("href=\"/studio/lessons/");
	}

	@Test
	void aDuplicatedLessonIsANewDraftAndTheOriginalStays() throws Exception {
		var original = lesson("Original " + word, List.of(), true);

		var duplicated = mvc.perform(as(post("/studio/lessons/" + original.value() + "/duplicate"))).andReturn();
		var copy = id(duplicated.getResponse());

		assertThat(copy).isNotEqualTo(original);
		assertThat(duplicated.getFlashMap().get("flash")).isEqualTo("studio.duplicated");
		var version = workbench.latest(author, copy);
		assertThat(version.published()).isFalse();
		assertThat(version.content().title()).isEqualTo("Copy of Original " + word);
		assertThat(version.content().blocks()).isEqualTo(workbench.latest(author, original).content().blocks());
		assertThat(lessons.latestPublished(author.organisationId(), original)).isPresent();
		var globex = directory.member("author@globex.test", "globex").orElseThrow();
		assertThat(mvc.perform(post("/studio/lessons/" + original.value() + "/duplicate").with(SignedIn.as(globex))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aDuplicatedQuestionGetsAnIdOfItsOwnRightAfterIt() throws Exception {
		var created = create("concept-check", "");

		htmx(post("/studio/lessons/" + created.value() + "/blocks/1/duplicate"));
		htmx(post("/studio/lessons/" + created.value() + "/blocks/1/duplicate"));

		var ids = workbench.latest(author, created).content().blocks().stream()
			.filter(Block.Question.class::isInstance)
			.map(b -> ((Block.Question) b).interaction().id())
			.toList();
		// Each copy lands right after the question copied, so the newer copy comes first.
		assertThat(ids).containsExactly("check", "check-copy-2", "check-copy");
	}

	@Test
	void aDraggedBlockTakesItsPlaceAndTheUpDownButtonsStayForTheKeyboard() throws Exception {
		var created = create("video-quiz", "");
		var before = workbench.latest(author, created).content().blocks();

		var dragged = mvc.perform(as(post("/studio/lessons/" + created.value() + "/blocks/order")).param("from", "3")
			.param("to", "0")).andReturn().getResponse();
		var after = workbench.latest(author, created).content().blocks();
		var outOfRange = htmx(post("/studio/lessons/" + created.value() + "/blocks/order").param("from", "0")
			.param("to", "9"));

		assertThat(dragged.getRedirectedUrl()).isEqualTo("/studio/lessons/" + created.value());
		assertThat(after).containsExactly(before.get(3), before.get(0), before.get(1), before.get(2));
		assertThat(outOfRange).contains("A block moves to a place from 1 to 4");
		assertThat(workbench.latest(author, created).content().blocks()).isEqualTo(after);
		var editor = page("/studio/lessons/" + created.value());
		assertThat(editor).contains("data-reorder=\"block-order\"", "/static/js/block-order", "aria-label=\"Move block 2 up\"");
	}

	private LessonId create(String template, String text) throws Exception {
		var response = mvc.perform(as(post("/studio/lessons")).param("title", "Decide " + word)
			.param("objective", "Choose the reply to a customer who asks for a discount.").param("minutes", "4")
			.param("template", template).param("text", text)).andReturn().getResponse();
		return id(response);
	}

	private static LessonId id(MockHttpServletResponse response) throws Exception {
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/studio/lessons/");
		return new LessonId(UUID.fromString(response.getRedirectedUrl().substring("/studio/lessons/".length())));
	}

	private LessonId lesson(String title, List<String> skillNames, boolean published) {
		var created = lessons.create(author, content(title, skillNames)).lessonId();
		if (published) {
			lessons.publish(author, created);
		}
		return created;
	}

	private static LessonContent content(String title, List<String> skillNames) {
		return new LessonContent(title, new Objective("Tag a deal with its launch campaign."), 3, skillNames,
				List.of(new Block.Text("Every launch deal carries the campaign tag.")));
	}

	/** The lesson titles linked in the list. */
	private static List<String> titles(String page) {
		return java.util.regex.Pattern.compile("href=\"/studio/lessons/[^\"]+\">([^<]+)</a>")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
	}

	private String page(String path) throws Exception {
		return mvc.perform(as(get(path))).andReturn().getResponse().getContentAsString();
	}

	private String htmx(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request).header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(SignedIn.as(author)).with(csrf());
	}
}
