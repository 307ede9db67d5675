package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.InteractionType;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Authors build lessons block by block in the studio; htmx swaps only the editor; refused edits change nothing. */
@MorselIntegrationTest
class StudioTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	InteractionTemplates templates;

	@Autowired
	JsonMapper json;

	CurrentMember author;
	LessonId lesson;

	@BeforeEach
	void createLesson() throws Exception {
		author = directory.member("author@acme.test", "acme").orElseThrow();
		var created = mvc.perform(as(post("/studio/lessons")).param("title", "Tag a deal " + UUID.randomUUID())
			.param("objective", "Tag a deal with its launch campaign in the CRM.").param("minutes", "3")
			.param("text", "Every launch deal carries the **campaign tag**.")).andReturn().getResponse();
		assertThat(created.getRedirectedUrl()).startsWith("/studio/lessons/");
		lesson = new LessonId(UUID.fromString(created.getRedirectedUrl().substring("/studio/lessons/".length())));
	}

	@Test
	void everyKindOfBlockIsAddedWithHtmxAndOnlyTheEditorComesBack() throws Exception {
		htmx(post(base() + "/blocks").param("kind", "text").param("markdown", "A second paragraph."));
		htmx(post(base() + "/blocks").param("kind", "image").param("media", "img-1").param("alt", "The tag field in the CRM"));
		htmx(post(base() + "/blocks").param("kind", "video").param("url", "https://youtu.be/dQw4w9WgXcQ")
			.param("title", "Tagging in 20 seconds").param("transcript", "WEBVTT\n\n00:00.000 --> 00:02.000\nOpen the deal.\n"));
		htmx(post(base() + "/blocks").param("kind", "audio").param("media", "aud-1").param("title", "Why tags matter")
			.param("transcript", "WEBVTT\n\n00:00.000 --> 00:02.000\nTags pay commissions.\n"));
		htmx(post(base() + "/blocks").param("kind", "resources").param("links", "Tagging guide | https://guide.example/tags"));
		for (var template : templates.all().values()) {
			var fragment = htmx(post(base() + "/blocks").param("kind", "interaction").param("interaction", template));
			assertThat(fragment).doesNotContain("<html").contains("id=\"editor\"").doesNotContain("class=\"error\"");
		}

		var content = latest();
		assertThat(content.blocks()).hasSize(14);
		assertThat(content.blocks().get(2)).isInstanceOf(Block.Image.class);
		assertThat(content.interactions()).hasSize(8);
	}

	@Test
	void refusedEditsSayWhyAndChangeNothing() throws Exception {
		var before = latest();
		var noAlt = htmx(post(base() + "/blocks").param("kind", "image").param("media", "img-1").param("alt", " "));
		var twoObjectives = htmx(post(base() + "/details").param("title", "T").param("objective", "Tag it. Then check it.")
			.param("minutes", "3"));
		var twoCorrect = htmx(post(base() + "/blocks").param("kind", "interaction").param("interaction", """
				{"type": "single-choice", "id": "q", "prompt": "Which?", "assessesObjective": true, "explanation": null,
				 "options": [{"id": "a", "text": "A", "correct": true, "feedback": null},
				             {"id": "b", "text": "B", "correct": true, "feedback": null}]}"""));

		assertThat(noAlt).contains("alternative text of the image must not be blank");
		assertThat(twoObjectives).contains("one sentence");
		assertThat(twoCorrect).contains("exactly one correct option");
		assertThat(latest()).isEqualTo(before);
	}

	@Test
	void theBlockListNamesEachBlocksKindAndItsFirstLine() throws Exception {
		htmx(post(base() + "/blocks").param("kind", "video").param("url", "https://youtu.be/dQw4w9WgXcQ")
			.param("title", "Tagging in 20 seconds").param("transcript", "WEBVTT\n\n00:00.000 --> 00:02.000\nOpen the deal.\n"));

		var editor = mvc.perform(as(get(base()))).andReturn().getResponse().getContentAsString();
		var lines = java.util.regex.Pattern
			.compile("(?s)<div class=\"block-summary\">\\s*<strong>(.*?)</strong>\\s*<span class=\"muted\">(.*?)</span>")
			.matcher(editor)
			.results()
			.map(m -> m.group(1) + ": " + m.group(2))
			.toList();
		assertThat(lines).containsExactly("Text: Every launch deal carries the **campaign tag**.",
				"Video: Tagging in 20 seconds");
	}

	@Test
	void blocksMoveAndGoAndTheLinterWarns() throws Exception {
		htmx(post(base() + "/blocks").param("kind", "text").param("markdown", "Second."));
		htmx(post(base() + "/blocks/1/move").param("direction", "up"));
		assertThat(((Block.Text) latest().blocks().getFirst()).markdown()).isEqualTo("Second.");
		htmx(post(base() + "/blocks/0/delete"));
		assertThat(latest().blocks()).hasSize(1);

		var editor = mvc.perform(as(get(base()))).andReturn().getResponse().getContentAsString();
		assertThat(editor).contains("No question assesses the objective yet");
		htmx(post(base() + "/details").param("title", "T").param("objective", "Understand deal tags.").param("minutes", "12"));
		assertThat(mvc.perform(as(get(base()))).andReturn().getResponse().getContentAsString())
			.contains("The objective cannot be measured", "estimated outside that");
	}

	@Test
	void publishingKeepsTheVersionAndTheNextEditOpensADraft() throws Exception {
		htmx(post(base() + "/blocks").param("kind", "interaction").param("interaction", templates.all().get(InteractionType.SINGLE_CHOICE)));
		var preview = mvc.perform(as(get("/lessons/" + lesson.value() + "/preview"))).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("Your question", "The right answer").doesNotContain("Why it is right.");

		htmx(post(base() + "/publish"));
		assertThat(lessons.latestPublished(author.organisationId(), lesson).orElseThrow().version()).isEqualTo(1);
		var afterEdit = htmx(post(base() + "/blocks").param("kind", "text").param("markdown", "New in v2."));

		assertThat(afterEdit).contains("Draft v2", "Published v1");
		assertThat(lessons.latestPublished(author.organisationId(), lesson).orElseThrow().content().blocks()).hasSize(2);
		assertThat(latest().blocks()).hasSize(3);
	}

	@Test
	void anExportedLessonImportsBackUnchanged() throws Exception {
		htmx(post(base() + "/blocks").param("kind", "interaction").param("interaction", templates.all().get(InteractionType.MATCHING)));
		var exported = mvc.perform(as(get(base() + "/export"))).andReturn().getResponse().getContentAsString();

		var imported = mvc.perform(as(multipart("/studio/import")
			.file(new MockMultipartFile("file", "lesson.json", "application/json", exported.getBytes())))).andReturn()
			.getResponse();
		var importedId = imported.getRedirectedUrl().substring("/studio/lessons/".length());
		var again = mvc.perform(as(get("/studio/lessons/" + importedId + "/export"))).andReturn().getResponse()
			.getContentAsString();

		assertThat(importedId).isNotEqualTo(lesson.value().toString());
		assertThat(json.readTree(again)).isEqualTo(json.readTree(exported));
		var broken = mvc.perform(as(multipart("/studio/import")
			.file(new MockMultipartFile("file", "lesson.json", "application/json", "{\"title\": 1".getBytes())))).andReturn()
			.getResponse().getContentAsString();
		assertThat(broken).contains("not a lesson in Morsel");
	}

	@Test
	void aRefusedImageBlockLeavesNoStoredFileBehind() throws Exception {
		var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", png);
		var before = jdbc.sql("SELECT id FROM media").query(UUID.class).list();
		var filesBefore = storedFiles();

		var refused = mvc.perform(as(multipart(base() + "/blocks")
			.file(new MockMultipartFile("file", "chart.png", "image/png", png.toByteArray()))
			.param("kind", "image")
			.param("alt", " "))).andReturn().getResponse();

		assertThat(refused.getContentAsString()).contains("alternative text");
		assertThat(jdbc.sql("SELECT id FROM media").query(UUID.class).list()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	private java.util.Set<String> storedFiles() throws java.io.IOException {
		var root = mediaLibrary.file(UUID.randomUUID()).getParent();
		if (!java.nio.file.Files.isDirectory(root)) {
			return java.util.Set.of();
		}
		try (var files = java.nio.file.Files.list(root)) {
			return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
		}
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	io.morsel.catalog.MediaLibrary mediaLibrary;

	@Test
	void learnersCannotOpenTheStudioAndOtherOrganisationsCannotSeeTheLesson() throws Exception {
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		var globexAuthor = directory.member("author@globex.test", "globex").orElseThrow();

		assertThat(mvc.perform(get("/studio").with(SignedIn.as(learner))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get(base()).with(SignedIn.as(globexAuthor))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post(base() + "/blocks/0/delete").with(SignedIn.as(globexAuthor))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private String base() {
		return "/studio/lessons/" + lesson.value();
	}

	private LessonContent latest() {
		return lessons.latest(author.organisationId(), lesson).orElseThrow().content();
	}

	private String htmx(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request).header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request) {
		return request.with(SignedIn.as(author)).with(csrf());
	}
}
