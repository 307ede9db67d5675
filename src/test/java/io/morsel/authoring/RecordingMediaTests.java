package io.morsel.authoring;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.MediaLibrary;
import io.morsel.catalog.Transcripts;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A recording uploaded with its media file: the lesson drafts cut from it play their own time range of the file,
 * beside the cues said in that range; ranges that cannot be played are refused.
 */
@MorselIntegrationTest
class RecordingMediaTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Repurposing repurposing;

	@Autowired
	Lessons lessons;

	@Autowired
	MediaLibrary library;

	CurrentMember author;

	@BeforeEach
	void signIn() {
		author = directory.member("author@acme.test", "acme").orElseThrow();
	}

	@Test
	void eachDraftPlaysItsSegmentsRangeOfTheRecordingWithThatRangesCuesOnly() throws Exception {
		var transcript = SegmentationApiTests.webVtt("support-webinar.md");
		var page = upload("Support webinar " + UUID.randomUUID(), transcript, wav("support.wav", 600));
		assertThat(page.getStatus()).isEqualTo(302);
		var review = page.getRedirectedUrl();
		var id = UUID.fromString(review.substring("/studio/recordings/".length()));
		var segments = repurposing.review(author, id).segmentation().segments();
		assertThat(segments).hasSizeGreaterThan(1);
		var second = segments.get(1);
		var secondRange = Repurposing.range(second).fragment();
		assertThat(html(review)).contains("<audio").contains(secondRange);

		mvc.perform(as(post(review + "/lessons")).param("accept", "0", "1")
			.param("title-0", "").param("objective-0", "")
			.param("title-1", "").param("objective-1", ""));

		var drafted = repurposing.review(author, id).lessons();
		assertThat(drafted).hasSize(2);
		var lesson = lessons.latest(author.organisationId(), drafted.get(1)).orElseThrow();
		var audio = (Block.Audio) lesson.content().blocks().getFirst();
		assertThat(audio.range().start()).isEqualTo(second.startMillis() / 1000.0);
		assertThat(audio.range().end()).isEqualTo(second.endMillis() / 1000.0);
		var kept = Transcripts.cues(audio.transcript());
		assertThat(kept).isNotEmpty()
			.allSatisfy(cue -> assertThat(cue.endMillis()).isGreaterThan(second.startMillis()))
			.allSatisfy(cue -> assertThat(cue.startMillis()).isLessThan(second.endMillis()));

		var player = html("/lessons/" + drafted.get(1).value() + "/preview");
		assertThat(player).contains("/media/" + audio.media() + secondRange)
			.contains("data-range-end=\"" + audio.range().end() + "\"")
			.contains(kept.getFirst().text())
			.doesNotContain(Transcripts.cues(transcript).getFirst().text());
	}

	@Test
	void aTranscriptThatRunsPastTheEndOfItsMediaIsRefusedAndNothingIsKept() throws Exception {
		var name = "Too short " + UUID.randomUUID();

		var page = upload(name, SegmentationApiTests.webVtt("support-webinar.md"), wav("short.wav", 60));

		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("past the end of short.wav (1:00)");
		assertThat(repurposing.reviews(author)).noneMatch(r -> r.name().equals(name));
	}

	@Test
	void mediaNeedsATranscriptWithTimes() throws Exception {
		var text = SegmentationQualityTests.text("support-webinar.md");

		var page = mvc.perform(as(multipart("/studio/recordings").file(wav("talk.wav", 600)))
			.param("name", "Untimed").param("transcript", text).param("maxMinutes", "7")).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("needs a transcript with times");
	}

	@Test
	void theApiRefusesARangeThatEndsBeforeItStartsOrAfterTheFile() throws IOException {
		var api = Api.on(port);
		var token = api.token("author@acme.test", "acme");
		var media = library.store(author, "minute.wav", new ByteArrayInputStream(wavBytes(60))).id().toString();
		var cues = "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nFilters first, then charts.\n";

		var backwards = api.post(token, "/api/v1/lessons", lesson(media, cues, 30, 20));
		var pastTheEnd = api.post(token, "/api/v1/lessons", lesson(media, cues, 10, 90));
		var within = api.post(token, "/api/v1/lessons", lesson(media, cues, 10, 50));

		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(backwards.getBody()).contains("starts before it ends");
		assertThat(pastTheEnd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(pastTheEnd.getBody()).contains("after the end of the file (60 s)");
		assertThat(within.getStatusCode()).as(within.getBody()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void theEditorRefusesARangeWithOnlyOneEndAsAFormError() throws Exception {
		var draft = repurposing.draftLessons(author, SegmentationApiTests.webVtt("coffee-webinar.md"), null,
				List.of(new Repurposing.AcceptedSegment(0, 3, "Ranges", "List the parts of a media range")));
		var id = draft.getFirst().lessonId().value();
		var media = library.store(author, "minute.wav", new ByteArrayInputStream(wavBytes(60))).id().toString();

		var answer = mvc.perform(as(post("/studio/lessons/" + id + "/blocks")).param("kind", "audio")
			.param("media", media).param("title", "Minute").param("transcript",
					"WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nOne minute.\n")
			.param("rangeStart", "0:10")).andReturn().getResponse();

		// The editor's way with a refused block: the editor again, with the reason, and nothing saved.
		assertThat(answer.getContentAsString()).contains("A part of the file to play needs both its start and its end");
		assertThat(lessons.latest(author.organisationId(), new LessonId(id)).orElseThrow().content().blocks())
			.hasSize(1);
	}

	private static Map<String, Object> lesson(String media, String transcript, double start, double end) {
		return Map.of("title", "A minute of audio", "objective", "List the filters of a report", "estimatedMinutes", 2,
				"skills", List.of(), "blocks", List.of(Map.of("type", "audio", "media", media, "title", "Filters",
						"transcript", transcript, "range", Map.of("start", start, "end", end))));
	}

	private org.springframework.mock.web.MockHttpServletResponse upload(String name, String transcript,
			MockMultipartFile media) throws Exception {
		var file = new MockMultipartFile("file", "talk.vtt", "text/vtt", transcript.getBytes(StandardCharsets.UTF_8));
		return mvc.perform(as(multipart("/studio/recordings").file(file).file(media)).param("name", name)
			.param("maxMinutes", "7")).andReturn().getResponse();
	}

	private static MockMultipartFile wav(String name, int seconds) throws IOException {
		return new MockMultipartFile("media", name, "audio/wav", wavBytes(seconds));
	}

	/** Silence of the given length, 1,000 bytes a second (8-bit mono at 1 kHz): a real WAV file, small. */
	static byte[] wavBytes(int seconds) throws IOException {
		var format = new AudioFormat(1000, 8, 1, true, false);
		var samples = new byte[seconds * 1000];
		var out = new ByteArrayOutputStream();
		AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length),
				AudioFileFormat.Type.WAVE, out);
		return out.toByteArray();
	}

	private String html(String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(author))).andReturn().getResponse().getContentAsString();
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request) {
		return request.with(SignedIn.as(author)).with(csrf());
	}
}
