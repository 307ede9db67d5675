package io.morsel.authoring;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.ContentStatus;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Programs;
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

/** The studio's doors to the life of lessons and programs: the same rules as the API, as plain forms. */
@MorselIntegrationTest
class ContentLifecycleStudioTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	CurrentMember author;

	@BeforeEach
	void signIn() {
		author = directory.member("author@acme.test", "acme").orElseThrow();
	}

	@Test
	void anAuthorUnpublishesArchivesAndRestoresALessonFromItsEditor() throws Exception {
		var lesson = published("Estimate a churn rate");
		var editor = "/studio/lessons/" + lesson.value();
		assertThat(page(get(editor))).contains("Unpublish").contains("Archive").doesNotContain("Delete this draft");

		assertThat(send(post(editor + "/unpublish")).getRedirectedUrl()).isEqualTo(editor);
		assertThat(lessons.summary(author.organisationId(), lesson).status()).isEqualTo(ContentStatus.UNPUBLISHED);
		assertThat(page(get(editor))).contains("Publish again").contains("Newcomers no longer see this lesson");

		send(post(editor + "/archive"));
		assertThat(lessons.published(author.organisationId()).stream().map(l -> l.id())).doesNotContain(lesson);
		var studio = page(get("/studio"));
		assertThat(studio.substring(studio.indexOf("id=\"archived-heading\""))).contains("Estimate a churn rate");

		send(post(editor + "/restore"));
		assertThat(lessons.summary(author.organisationId(), lesson).status()).isEqualTo(ContentStatus.UNPUBLISHED);
		send(post(editor + "/publish"));
		assertThat(lessons.summary(author.organisationId(), lesson).status()).isEqualTo(ContentStatus.PUBLISHED);
	}

	@Test
	void aDraftIsDeletedFromTheStudioAndAPublishedLessonSaysWhyItCannotBe() throws Exception {
		var draft = lessons.create(author, content("Estimate a churn window")).lessonId();
		var published = published("Estimate a churn cohort");

		var deleted = send(post("/studio/lessons/" + draft.value() + "/delete"));
		var refused = mvc.perform(as(post("/studio/lessons/" + published.value() + "/delete"))).andReturn().getResponse();

		assertThat(deleted.getRedirectedUrl()).isEqualTo("/studio");
		assertThat(lessons.latest(author.organisationId(), draft)).isEmpty();
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString()).contains("cannot be deleted").contains("Archive it instead");
		assertThat(lessons.latest(author.organisationId(), published)).isPresent();
	}

	@Test
	void aStaleDetailsFormIsRefusedAndTheColleaguesChangeStays() throws Exception {
		var lesson = published("Estimate churn by plan");
		var program = programs.create(author.organisationId(), "churn-" + UUID.randomUUID().toString().substring(0, 8),
				"Churn by plan", "Analysts compare churn across plans", null, true, List.of(lesson));
		var path = "/studio/programs/" + program.id().value();
		programs.update(author.organisationId(), program.id(), 1, "Changed by a colleague", program.outcome(), null,
				true, program.lessons());

		var stale = mvc.perform(as(post(path + "/details")).param("title", "My title")
			.param("outcome", "Analysts compare churn")
			.param("selfEnrol", "true")
			.param("revision", "1")).andReturn().getResponse();

		assertThat(stale.getContentAsString()).contains("Someone saved this program after you opened it")
			.contains("My title");
		assertThat(programs.find(author.organisationId(), program.id()).orElseThrow().title())
			.isEqualTo("Changed by a colleague");
		var fresh = send(post(path + "/details").param("title", "My title")
			.param("outcome", "Analysts compare churn")
			.param("selfEnrol", "true")
			.param("revision", "2"));
		assertThat(fresh.getRedirectedUrl()).startsWith(path);
		assertThat(programs.find(author.organisationId(), program.id()).orElseThrow().title()).isEqualTo("My title");
	}

	@Test
	void aProgramIsArchivedAndDeletedFromItsEditor() throws Exception {
		var lesson = published("Estimate churn by region");
		var program = programs.create(author.organisationId(), "region-" + UUID.randomUUID().toString().substring(0, 8),
				"Churn by region", "Analysts compare churn across regions", null, true, List.of(lesson)).id();
		var path = "/studio/programs/" + program.value();

		send(post(path + "/archive"));
		assertThat(programs.find(author.organisationId(), program).orElseThrow().status())
			.isEqualTo(ContentStatus.ARCHIVED);
		assertThat(page(get(path))).contains("Restore").contains("Learners no longer see this program");

		var deleted = send(post(path + "/delete"));

		assertThat(deleted.getRedirectedUrl()).isEqualTo("/studio/programs");
		assertThat(programs.find(author.organisationId(), program)).isEmpty();
	}

	@Test
	void learnersCannotUseTheLifecycleForms() throws Exception {
		var lesson = published("Estimate churn for a quarter");
		var program = programs.create(author.organisationId(), "quarter-" + UUID.randomUUID().toString().substring(0, 8),
				"Churn per quarter", "Analysts report churn each quarter", null, true, List.of(lesson)).id();
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();

		for (var path : List.of("/studio/lessons/" + lesson.value() + "/archive",
				"/studio/lessons/" + lesson.value() + "/delete", "/studio/programs/" + program.value() + "/archive",
				"/studio/programs/" + program.value() + "/delete")) {
			var status = mvc.perform(post(path).with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse()
				.getStatus();
			assertThat(status).as(path).isEqualTo(403);
		}
		assertThat(programs.find(author.organisationId(), program).orElseThrow().offered()).isTrue();
		assertThat(lessons.summary(author.organisationId(), lesson).status()).isEqualTo(ContentStatus.PUBLISHED);
	}

	private LessonId published(String title) {
		var lesson = lessons.create(author, content(title)).lessonId();
		lessons.publish(author, lesson);
		return lesson;
	}

	private static LessonContent content(String title) {
		return new LessonContent(title, new Objective("Estimate the churn rate of a customer group."), 3, List.of(),
				List.of(new Block.Text("Churn is the share of customers who leave in a period.")));
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(as(request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		return response;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request)).andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(SignedIn.as(author)).with(csrf());
	}
}
