package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Matching;
import io.morsel.catalog.MultipleChoice;
import io.morsel.catalog.Option;
import io.morsel.catalog.Ordering;
import io.morsel.catalog.PickN;
import io.morsel.catalog.Scenario;
import io.morsel.catalog.SingleChoice;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Authors write every type of question in its own form, never in JSON: rows are added, removed and moved with or
 * without JavaScript, blank rows are left out, ids stay put when a question is edited, and a question that breaks a
 * rule comes back with the reason and the author's input, unsaved. What they write is what a learner answers.
 */
@MorselIntegrationTest
class QuestionFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	CurrentMember author;
	LessonId lesson;

	@BeforeEach
	void createLesson() throws Exception {
		author = directory.member("author@globex.test", "globex").orElseThrow();
		var created = mvc.perform(as(post("/studio/lessons"), author).param("title", "Qualify a lead " + UUID.randomUUID())
			.param("objective", "Qualify an inbound lead with the four questions of the playbook.").param("minutes", "4")
			.param("text", "Every inbound lead gets **four questions** before a demo.")).andReturn().getResponse();
		lesson = new LessonId(UUID.fromString(created.getRedirectedUrl().substring("/studio/lessons/".length())));
	}

	@Test
	void everyTypeOfQuestionWrittenInItsFormReachesLearnersAndScoresAsWritten() throws Exception {
		var added = List.of(
				question("single-choice", "Who owns a new inbound lead?").param("question.assesses", "true")
					.param("question.explanation", "Routing rules give every lead one owner.")
					.param("question.rows[0].text", "The rep the routing rule names").param("question.rows[0].correct", "true")
					.param("question.rows[1].text", "Whoever calls first")
					.param("question.rows[1].feedback", "Two reps calling one lead is what routing prevents.")
					.param("question.rows[2].text", ""),
				question("multiple-choice", "Which facts qualify a lead?").param("question.assesses", "true")
					.param("question.rows[0].text", "Budget").param("question.rows[0].correct", "true")
					.param("question.rows[1].text", "Timeline").param("question.rows[1].correct", "true")
					.param("question.rows[2].text", "Favourite colour"),
				question("pick-n", "Pick the two questions to ask first").param("question.n", "2")
					.param("question.rows[0].text", "Budget").param("question.rows[0].correct", "true")
					.param("question.rows[1].text", "Authority").param("question.rows[1].correct", "true")
					.param("question.rows[2].text", "Weather").param("question.rows[3].text", "Hobbies"),
				question("matching", "Match each letter to its question")
					.param("question.rows[0].text", "B").param("question.rows[0].right", "Budget")
					.param("question.rows[1].text", "A").param("question.rows[1].right", "Authority")
					.param("question.rows[1].feedback", "A is for authority: who signs.")
					.param("question.rows[2].text", " ").param("question.rows[2].right", " "),
				question("ordering", "Put the call in order")
					.param("question.rows[0].text", "Introduce yourself")
					.param("question.rows[1].text", "Ask the four questions")
					.param("question.rows[2].text", "Book the demo").param("question.rows[2].feedback", "Book last."),
				question("short-text", "Which acronym lists the four questions?")
					.param("question.answers", "BANT\n\n  B.A.N.T. \n").param("question.wrongFeedback", "It is BANT."),
				question("scenario", "What do you do first?")
					.param("question.situation", "A lead from a trade fair asks for a demo tomorrow.")
					.param("question.rows[0].text", "Ask the four questions").param("question.rows[0].correct", "true")
					.param("question.rows[1].text", "Book the demo at once")
					.param("question.rows[1].feedback", "A demo for an unqualified lead costs an hour."),
				question("exercise", "Qualify the last lead you spoke to.")
					.param("question.explanation", "Compare your notes with the playbook."));
		for (var request : added) {
			assertThat(htmx(request)).contains("id=\"editor\"").doesNotContain("role=\"alert\"");
		}
		var interactions = latest().interactions();
		assertThat(interactions).extracting(Interaction::prompt).contains("Who owns a new inbound lead?",
				"Qualify the last lead you spoke to.");
		assertThat(((PickN) interactions.get(2)).options()).hasSize(4);
		assertThat(((Matching) interactions.get(3)).pairs()).hasSize(2);
		assertThat(interactions.get(2).assessesObjective()).isFalse();
		mvc.perform(as(post(base() + "/publish"), author)).andReturn();

		var learner = directory.member("learner@globex.test", "globex").orElseThrow();
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Who owns a new inbound lead?", "Whoever calls first", "Favourite colour", "Hobbies",
				"Authority", "Book the demo", "A lead from a trade fair asks for a demo tomorrow.")
			.doesNotContain("Two reps calling one lead", "BANT");

		var single = (SingleChoice) interactions.get(0);
		assertThat(answer(learner, single.id(), "optionIds", single.options().get(1).id()))
			.contains("Not quite.", "Two reps calling one lead is what routing prevents.", "Routing rules give every lead one owner.");
		var multiple = (MultipleChoice) interactions.get(1);
		assertThat(answer(learner, multiple.id(), "optionIds", multiple.options().get(0).id(), "optionIds",
				multiple.options().get(1).id())).contains("Correct.");
		var pick = (PickN) interactions.get(2);
		assertThat(answer(learner, pick.id(), "optionIds", pick.options().get(0).id(), "optionIds",
				pick.options().get(2).id())).contains("Partly right (50%).");
		var matching = (Matching) interactions.get(3);
		var b = matching.pairs().get(0);
		var a = matching.pairs().get(1);
		assertThat(answer(learner, matching.id(), "pair." + b.leftId(), a.rightId(), "pair." + a.leftId(), b.rightId()))
			.contains("Not quite.", "A is for authority: who signs.");
		var ordering = (Ordering) interactions.get(4);
		var items = ordering.items();
		assertThat(answer(learner, ordering.id(), "position." + items.get(0).id(), "1", "position." + items.get(1).id(), "3",
				"position." + items.get(2).id(), "2")).contains("Partly right (50%).", "Book last.");
		assertThat(answer(learner, interactions.get(5).id(), "text", "bant")).contains("Correct.");
		var scenario = (Scenario) interactions.get(6);
		assertThat(answer(learner, scenario.id(), "optionIds", scenario.options().get(0).id())).contains("Correct.");
		assertThat(answer(learner, interactions.get(7).id(), "text", "Budget yes, authority unclear."))
			.contains("Saved. This answer is yours to keep.", "Compare your notes with the playbook.");
	}

	@Test
	void editingAQuestionKeepsTheIdsLearnersAnswersNameAndGivesNewRowsTheirOwn() throws Exception {
		htmx(question("single-choice", "Who owns a new inbound lead?").param("question.assesses", "true")
			.param("question.rows[0].text", "The routed rep").param("question.rows[0].correct", "true")
			.param("question.rows[1].text", "Whoever calls first"));
		var before = (SingleChoice) latest().interactions().getFirst();
		var first = before.options().get(0).id();
		var second = before.options().get(1).id();
		var editor = mvc.perform(as(get(base()), author)).andReturn().getResponse().getContentAsString();
		assertThat(editor).contains("name=\"question.id\" value=\"" + before.id() + "\"",
				"name=\"question.rows[0].id\" value=\"" + first + "\"");

		var withRow = mvc.perform(as(post(base() + "/blocks/1"), author).param("kind", "interaction").param("section", "b1")
			.param("question.type", "single-choice").param("question.id", before.id()).param("question.prompt", "Who?")
			.param("question.rows[0].id", first).param("question.rows[0].text", "The routed rep").param("change", "add"))
			.andReturn().getResponse().getContentAsString();
		assertThat(withRow).containsPattern("<details class=\"block-edit\"\\s+open=\"open\"");
		assertThat(form(withRow, "b1-form")).contains("name=\"question.rows[0].id\" value=\"" + first + "\"",
				"name=\"question.rows[1].text\"", "Save block");

		// The author moves the wrong option first, rewords the right one and adds a third, as the edit form sends it.
		htmx(post(base() + "/blocks/1").param("kind", "interaction").param("section", "b1")
			.param("question.type", "single-choice").param("question.id", before.id())
			.param("question.prompt", "Who owns a new inbound lead now?").param("question.assesses", "true")
			.param("question.rows[0].id", second).param("question.rows[0].text", "Whoever calls first")
			.param("question.rows[1].id", first).param("question.rows[1].text", "The rep the routing rule names")
			.param("question.rows[1].correct", "true")
			.param("question.rows[2].id", "").param("question.rows[2].text", "The manager"));

		var after = (SingleChoice) latest().interactions().getFirst();
		assertThat(after.id()).isEqualTo(before.id());
		assertThat(after.prompt()).isEqualTo("Who owns a new inbound lead now?");
		assertThat(after.options()).extracting(Option::id).startsWith(second, first).doesNotHaveDuplicates().hasSize(3);
		assertThat(after.options().get(1)).isEqualTo(new Option(first, "The rep the routing rule names", true, null));
		assertThat(after.options().get(2).id()).matches("o-[a-z0-9]{6}");
	}

	@Test
	void refusedQuestionsSayWhyInTheirFormKeepWhatTheAuthorWroteAndSaveNothing() throws Exception {
		var before = latest();
		var noCorrect = htmx(question("single-choice", "Who owns a new inbound lead?")
			.param("question.rows[0].text", "The routed rep").param("question.rows[1].text", "Whoever calls first"));
		var tooMany = htmx(question("pick-n", "Pick the top three").param("question.n", "3")
			.param("question.rows[0].text", "Budget").param("question.rows[0].correct", "true")
			.param("question.rows[1].text", "Authority").param("question.rows[1].correct", "true")
			.param("question.rows[2].text", "Need").param("question.rows[2].correct", "true"));
		var onePair = htmx(question("matching", "Match them").param("question.rows[0].text", "B")
			.param("question.rows[0].right", "Budget").param("question.rows[1].text", ""));
		var noAnswer = htmx(question("short-text", "Which acronym?").param("question.answers", "\n  \n"));
		var noPrompt = mvc.perform(as(question("ordering", " "), author).param("question.rows[0].text", "One")
			.param("question.rows[1].text", "Two")).andReturn().getResponse();

		assertThat(noCorrect).contains("needs exactly one correct option", "value=\"The routed rep\"",
				"Who owns a new inbound lead?</textarea>");
		assertThat(noCorrect).containsPattern("(?s)<details class=\"add-block\"\\s+open=\"open\">\\s*"
				+ "<summary>Add a single-choice question</summary>.*role=\"alert\"");
		assertThat(tooMany).contains("must pick at least one and fewer than all options", "value=\"Need\"");
		assertThat(onePair).contains("needs 2 to 10 pairs", "value=\"Budget\"");
		assertThat(noAnswer).contains("needs at least one non-blank accepted answer", "Which acronym?");
		assertThat(noPrompt.getStatus()).isEqualTo(200);
		assertThat(noPrompt.getContentAsString()).contains("<html", "prompt must not be blank", "value=\"Two\"");
		assertThat(latest()).isEqualTo(before);
	}

	@Test
	void rowsAreAddedRemovedAndMovedWithoutJavaScriptAndWithHtmxWithoutSaving() throws Exception {
		var before = latest();
		var page = mvc.perform(as(question("ordering", "Put the call in order"), author)
			.param("question.rows[0].text", "Introduce yourself").param("question.rows[1].text", "Ask the four questions")
			.param("change", "add")).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html");
		assertThat(form(page.getContentAsString(), "new-ordering-form")).contains("Put the call in order</textarea>",
				"value=\"Ask the four questions\"", "name=\"question.rows[2].text\"")
			.doesNotContain("name=\"question.rows[3].text\"")
			.containsPattern("id=\"new-ordering-row2-text\"[^>]*autofocus");

		var moved = htmx(question("ordering", "Put the call in order").param("question.rows[0].text", "Ask the four questions")
			.param("question.rows[1].text", "Introduce yourself").param("change", "up-1"));
		assertThat(moved.strip()).startsWith("<form").doesNotContain("id=\"editor\"")
			.containsPattern("(?s)Introduce yourself.*Ask the four questions")
			.containsPattern("id=\"new-ordering-row0-down\"[^>]*autofocus")
			.contains("aria-label=\"Up: item 2\"", "aria-label=\"Remove: item 1\"");

		var removed = htmx(question("matching", "Match them").param("question.rows[0].text", "B")
			.param("question.rows[0].right", "Budget").param("question.rows[1].text", "A").param("change", "remove-0"));
		assertThat(removed).doesNotContain("value=\"Budget\"").contains("value=\"A\"")
			.doesNotContain("name=\"question.rows[1].text\"");
		assertThat(latest()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder question(String type, String prompt) {
		return post(base() + "/blocks").param("kind", "interaction").param("section", "new-" + type)
			.param("question.type", type).param("question.prompt", prompt);
	}

	private String answer(CurrentMember learner, String interaction, String... fields) throws Exception {
		var request = post("/lessons/" + lesson.value() + "/answers/" + interaction).header("HX-Request", "true");
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(request.with(SignedIn.as(learner)).with(csrf())).andReturn()
			.getResponse().getContentAsString();
	}

	/** One form of a page, by its id. */
	private static String form(String page, String id) {
		var start = page.indexOf("<form id=\"" + id + "\"");
		assertThat(start).as("form " + id).isNotNegative();
		return page.substring(start, page.indexOf("</form>", start));
	}

	private String base() {
		return "/studio/lessons/" + lesson.value();
	}

	private LessonContent latest() {
		return lessons.latest(author.organisationId(), lesson).orElseThrow().content();
	}

	private String htmx(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request, author).header("HX-Request", "true")).andReturn().getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, CurrentMember member) {
		return request.with(SignedIn.as(member)).with(csrf());
	}
}
