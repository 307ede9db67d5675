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
import io.morsel.support.Api;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document (here a webinar's text as PDF and Word) becomes proposed lessons through the recordings' flow: cut,
 * reviewed, drafted. A file Tika cannot read is a 400 that says so.
 */
@MorselIntegrationTest
class DocumentImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	Lessons lessons;

	@Autowired
	Repurposing repurposing;

	@LocalServerPort
	int port;

	CurrentMember author;

	@BeforeEach
	void signIn() {
		author = directory.member("author@acme.test", "acme").orElseThrow();
	}

	@Test
	void aWordDocumentUploadedInTheStudioIsCutIntoLessonsToReview() throws Exception {
		var name = "Support handbook " + UUID.randomUUID();
		var upload = new MockMultipartFile("file", "handbook.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				Documents.docx(SegmentationQualityTests.text("support-webinar.md")));

		var created = mvc.perform(multipart("/studio/recordings").file(upload).param("name", name)
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();

		assertThat(created.getRedirectedUrl()).as(created.getContentAsString()).startsWith("/studio/recordings/");
		var review = mvc.perform(get(created.getRedirectedUrl()).with(SignedIn.as(author))).andReturn().getResponse()
			.getContentAsString();
		assertThat(review).contains(name, "Lesson 1:", "Lesson 2:", "Make lesson drafts");
	}

	@Test
	void aWordDocumentWithThreeHeadingsBecomesThreeDraftsTitledByThem() throws Exception {
		var upload = new MockMultipartFile("file", "handbook.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				Documents.docxWithHeadings(DocumentSectionsTests.HANDBOOK));
		var created = mvc.perform(multipart("/studio/recordings").file(upload).param("name", "Handbook " + UUID.randomUUID())
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();
		var page = created.getRedirectedUrl();
		assertThat(page).as(created.getContentAsString()).startsWith("/studio/recordings/");
		var before = lessons.all(author.organisationId()).size();

		var drafted = mvc.perform(post(page + "/lessons").param("accept", "0", "1", "2")
			.param("title-0", "").param("objective-0", "").param("title-1", "").param("objective-1", "")
			.param("title-2", "").param("objective-2", "")
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();

		assertThat(drafted.getRedirectedUrl()).as(drafted.getContentAsString()).isEqualTo(page);
		var all = lessons.all(author.organisationId());
		assertThat(all).hasSize(before + 3);
		var id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
		var made = repurposing.review(author, id).lessons();
		assertThat(made).hasSize(3);
		assertThat(made.stream().map(lesson -> lessons.latest(author.organisationId(), lesson).orElseThrow().content().title()))
			.containsExactly("Greeting a new customer", "Closing a ticket", "Handing over at the end of a shift");
	}

	@Test
	void thePdfOfADocumentIsProposedAsSegmentsByTheApi() throws Exception {
		var api = Api.on(port);
		var form = new LinkedMultiValueMap<String, Object>();
		form.add("file", new ByteArrayResource(Documents.pdf(SegmentationQualityTests.text("support-webinar.md"))) {
			@Override
			public String getFilename() {
				return "handbook.pdf";
			}
		});

		var answer = api.http().post().uri("/api/v1/segmentations")
			.header("Authorization", "Bearer " + api.token("author@acme.test", "acme"))
			.contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		var segments = json.readTree(answer.getBody()).get("segments");
		assertThat(segments.size()).isGreaterThan(1);
		assertThat(json.readTree(answer.getBody()).get("timed").asBoolean()).isFalse();
	}

	@Test
	void aDamagedDocumentIsRefusedWithTheReasonAndNothingIsKept() throws Exception {
		var damaged = new MockMultipartFile("file", "handbook.pdf", "application/pdf",
				"%PDF-1.7\nnot really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

		var refused = mvc.perform(multipart("/studio/recordings").file(damaged).param("name", "Damaged")
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString())
			.contains("This file could not be read as a PDF, DOCX, PPTX or HTML document");
	}
}
