package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Authors cut a webinar's transcript into proposed lessons through the API, then make drafts of the ones they accept. */
@MorselIntegrationTest
class SegmentationApiTests {

	private static final String SEGMENTATIONS = "/api/v1/segmentations";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient sql;

	Api api;
	String authorToken;

	@BeforeEach
	void signIn() {
		api = Api.on(port);
		authorToken = api.token("author@acme.test", "acme");
	}

	@Test
	void proposesLessonsOfAWebVttTranscriptAtItsTopicsWithinTheLessonLength() throws Exception {
		var answer = api.post(authorToken, SEGMENTATIONS, Map.of("transcript", webVtt("support-webinar.md"),
				"maxMinutes", 4));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		var body = tree(answer);
		assertThat(body.get("format").asString()).isEqualTo("webvtt");
		assertThat(body.get("timed").asBoolean()).isTrue();
		var segments = body.get("segments");
		assertThat(segments.size()).isBetween(2, 6);
		assertThat(segments.get(0).get("start").asDouble()).isZero();
		var end = 0.0;
		for (var segment : segments) {
			assertThat(segment.get("start").asDouble()).isEqualTo(end);
			end = segment.get("end").asDouble();
			assertThat(end - segment.get("start").asDouble()).isBetween(120.0, 240.0);
			assertThat(segment.get("title").asString()).isNotBlank();
			assertThat(segment.get("objective").asString()).startsWith("Explain ");
			assertThat(segment.get("objectiveCheck").get("measurable").asBoolean()).isTrue();
		}
		assertThat(end).isEqualTo(body.get("duration").asDouble());
	}

	@Test
	void proposingSegmentsOfATranscriptOrADocumentStoresNothing() throws Exception {
		var before = rowCounts();
		var document = new LinkedMultiValueMap<String, Object>();
		document.add("file", new ByteArrayResource(Documents.html(DocumentSectionsTests.HANDBOOK)) {
			@Override
			public String getFilename() {
				return "handbook.html";
			}
		});

		var transcript = api.post(authorToken, SEGMENTATIONS, Map.of("transcript", webVtt("support-webinar.md")));
		var upload = api.http().post().uri(SEGMENTATIONS).header("Authorization", "Bearer " + authorToken)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(document).retrieve().toEntity(String.class);

		assertThat(transcript.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tree(upload).get("segments").findValuesAsString("title")).containsExactly("Greeting a new customer",
				"Closing a ticket", "Handing over at the end of a shift");
		assertThat(rowCounts()).isEqualTo(before);
	}

	/** The rows of every table a proposal could write to if it stored anything: working copies, lessons, media. */
	private Map<String, Long> rowCounts() {
		var counts = new java.util.TreeMap<String, Long>();
		for (var table : List.of("segmentations", "segmentation_lessons", "lessons", "lesson_versions",
				"lesson_skills", "media", "programs", "program_lessons")) {
			counts.put(table, sql.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	@Test
	void aMalformedTranscriptIsRefusedNamingTheLine() throws Exception {
		var answer = api.post(authorToken, SEGMENTATIONS, Map.of("transcript",
				"WEBVTT\n\n00:05.000 --> 00:09.000\nLater first.\n\n00:01.000 --> 00:02.000\nEarlier second.\n"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		var problem = tree(answer);
		assertThat(problem.get("line").asInt()).isEqualTo(6);
		assertThat(problem.get("detail").asString()).startsWith("Line 6: ").contains("in order of time");
	}

	@Test
	void anUploadThatIsNotUtf8IsRefusedNamingTheLine() {
		var latin1 = "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1);
		var form = new LinkedMultiValueMap<String, Object>();
		form.add("file", new ByteArrayResource(latin1) {
			@Override
			public String getFilename() {
				return "talk.srt";
			}
		});
		var answer = api.http()
			.post()
			.uri(SEGMENTATIONS)
			.header("Authorization", "Bearer " + authorToken)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tree(answer).get("line").asInt()).isEqualTo(3);
	}

	@Test
	void learnersCannotCutTranscripts() {
		var learner = api.token("learner@acme.test", "acme");

		var answer = api.post(learner, SEGMENTATIONS, Map.of("transcript", "Just a few words."));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	/**
	 * The issue names these endpoints "(authors)": an admin without the author role runs the organisation but does not
	 * cut its recordings, and is told why and what to do.
	 */
	@Test
	void adminsWithoutTheAuthorRoleAreRefusedWithAProblemSayingWhy() {
		var admin = api.token("admin@acme.test", "acme");

		var proposed = api.post(admin, SEGMENTATIONS, Map.of("transcript", "Just a few words."));
		var drafted = api.post(admin, SEGMENTATIONS + "/drafts", Map.of("transcript", "Just a few words.",
				"segments", List.of(Map.of("firstSentence", 0, "sentenceCount", 1))));

		for (var answer : List.of(proposed, drafted)) {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(tree(answer).get("type").asString()).isEqualTo("/problems/forbidden");
			assertThat(tree(answer).get("detail").asString())
				.isEqualTo("This needs the Author role in this organisation, whatever other roles one has. "
						+ "An admin gives roles on the People page.");
		}
	}

	@Test
	void acceptedSegmentsBecomeLessonDraftsOfTheOrganisationWithTheirWordsAndTimes() throws Exception {
		var transcript = webVtt("coffee-webinar.md");
		var proposed = tree(api.post(authorToken, SEGMENTATIONS, Map.of("transcript", transcript))).get("segments");
		var first = proposed.get(0);
		var accepted = List.of(Map.of("firstSentence", first.get("firstSentence").asInt(), "sentenceCount",
				first.get("sentenceCount").asInt(), "title", "Fresh beans at home " + UUID.randomUUID()));

		var answer = api.post(authorToken, SEGMENTATIONS + "/drafts", Map.of("transcript", transcript, "segments", accepted));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var drafted = tree(answer).get("lessons");
		assertThat(drafted.size()).isEqualTo(1);
		var id = drafted.get(0).get("id").asString();
		var draft = tree(api.get(authorToken, "/api/v1/lessons/" + id + "/draft"));
		assertThat(draft.get("published").asBoolean()).isFalse();
		assertThat(draft.get("content").get("title").asString()).startsWith("Fresh beans at home");
		assertThat(draft.get("content").get("objective").asString()).isEqualTo(first.get("objective").asString());
		assertThat(draft.get("content").get("blocks").get(0).get("markdown").asString())
			.startsWith("*From the recording, 0:00–")
			.contains("roast date");

		var otherOrganisation = api.token("author@globex.test", "globex");
		assertThat(api.get(otherOrganisation, "/api/v1/lessons/" + id + "/draft").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void oneRefusedSegmentMakesNoLessonAtAll() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var before = lessons.all(author.organisationId()).size();
		var transcript = webVtt("freelance-webinar.md");
		var proposed = tree(api.post(authorToken, SEGMENTATIONS, Map.of("transcript", transcript))).get("segments");
		var accepted = new ArrayList<Map<String, Object>>();
		for (var segment : proposed) {
			accepted.add(Map.of("firstSentence", segment.get("firstSentence").asInt(), "sentenceCount",
					segment.get("sentenceCount").asInt(), "objective", "Send an invoice. Chase it when it is late."));
		}
		accepted.set(0, Map.of("firstSentence", 0, "sentenceCount", proposed.get(0).get("sentenceCount").asInt()));

		var answer = api.post(authorToken, SEGMENTATIONS + "/drafts", Map.of("transcript", transcript, "segments", accepted));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tree(answer).get("detail").asString()).contains("one sentence");
		assertThat(lessons.all(author.organisationId())).hasSize(before);
	}

	/** A test transcript as WebVTT captions: each paragraph a cue, said at 150 words a minute. */
	static String webVtt(String name) throws Exception {
		var text = SegmentationQualityTests.text(name);
		var vtt = new StringBuilder("WEBVTT\n");
		var at = 0L;
		for (var paragraph : text.split("\n\n")) {
			if (paragraph.isBlank() || paragraph.startsWith("#") || paragraph.strip().equals("---")) {
				continue;
			}
			var end = at + Transcript.speakingMillis(paragraph);
			vtt.append('\n').append(timestamp(at)).append(" --> ").append(timestamp(end))
				.append('\n').append(paragraph.strip()).append('\n');
			at = end;
		}
		return vtt.toString();
	}

	private static String timestamp(long millis) {
		return "%02d:%02d:%02d.%03d".formatted(millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
	}

	private JsonNode tree(ResponseEntity<String> answer) {
		return json.readTree(answer.getBody());
	}
}
