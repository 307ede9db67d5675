package io.morsel.authoring;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
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

/**
 * The studio's recordings, as an author uses them without JavaScript: a transcript uploaded, the proposed cuts
 * reviewed, one moved, one joined, and the accepted parts made into lesson drafts.
 */
@MorselIntegrationTest
class RecordingStudioTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Repurposing repurposing;

	@Autowired
	Lessons lessons;

	CurrentMember author;

	@BeforeEach
	void signIn() {
		author = directory.member("author@acme.test", "acme").orElseThrow();
	}

	@Test
	void anAuthorReviewsTheCutsMovesOneAndMakesDraftsOfTheAcceptedParts() throws Exception {
		var name = "Support webinar " + UUID.randomUUID();
		var upload = new MockMultipartFile("file", "support.vtt", "text/vtt",
				SegmentationApiTests.webVtt("support-webinar.md").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var created = mvc.perform(as(multipart("/studio/recordings").file(upload)).param("name", name)
			.param("maxMinutes", "7")).andReturn().getResponse();
		assertThat(created.getRedirectedUrl()).startsWith("/studio/recordings/");
		var page = created.getRedirectedUrl();
		var id = UUID.fromString(page.substring("/studio/recordings/".length()));

		var review = html(page);
		assertThat(review).contains(name).contains("Lesson 1: 0:00–").contains("Move the cut").contains("Make lesson drafts");
		var proposed = repurposing.review(author, id).segmentation();
		assertThat(proposed.segments()).hasSizeGreaterThan(1);

		var second = proposed.segments().get(1);
		mvc.perform(as(post(page + "/cuts/1")).param("sentence", String.valueOf(second.firstSentence() + 1)));
		assertThat(repurposing.review(author, id).segmentation().segments().get(1).firstSentence())
			.isEqualTo(second.firstSentence() + 1);

		var before = lessons.all(author.organisationId()).size();
		var drafted = mvc.perform(as(post(page + "/lessons")).param("accept", "0", "1")
			.param("title-0", "Triage at the door").param("objective-0", "Set the priority of a new ticket")
			.param("title-1", "").param("objective-1", "")).andReturn().getResponse();

		assertThat(drafted.getRedirectedUrl()).isEqualTo(page);
		assertThat(lessons.all(author.organisationId())).hasSize(before + 2);
		assertThat(html(page)).contains("Triage at the door").doesNotContain("Move the cut");
	}

	@Test
	void aRefusedTranscriptShowsTheLineAndKeepsWhatWasPasted() throws Exception {
		var pasted = "WEBVTT\n\n00:01.000 --> 00:02,000\nA comma where a dot belongs.\n";

		var page = mvc.perform(as(post("/studio/recordings")).param("name", "Broken").param("transcript", pasted)
			.param("maxMinutes", "7")).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("Line 3: Malformed cue timing")
			.contains("A comma where a dot belongs.")
			.contains("value=\"Broken\"");
	}

	@Test
	void anotherOrganisationsRecordingIsNotFound() throws Exception {
		var id = repurposing.startReview(author, "Acme only", SegmentationApiTests.webVtt("coffee-webinar.md"), null, 7);
		var globex = directory.member("author@globex.test", "globex").orElseThrow();

		var answer = mvc.perform(get("/studio/recordings/" + id).with(SignedIn.as(globex))).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(404);
		assertThat(html("/studio/recordings")).contains("Acme only");
		assertThat(mvc.perform(get("/studio/recordings").with(SignedIn.as(globex))).andReturn().getResponse()
			.getContentAsString()).doesNotContain("Acme only");
	}

	private String html(String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(author))).andReturn().getResponse().getContentAsString();
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request) {
		return request.with(SignedIn.as(author)).with(csrf());
	}
}
