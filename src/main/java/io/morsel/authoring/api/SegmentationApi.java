package io.morsel.authoring.api;

import io.morsel.authoring.ObjectiveCheck;
import io.morsel.authoring.ProposedSegment;
import io.morsel.authoring.Repurposing;
import io.morsel.authoring.Segmentation;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Repurposing a recording: its transcript cut into micro-lessons, and the accepted ones made into lesson drafts. */
@RestController
@Tag(name = "Segmentations", description = "For authors: cut a recording's transcript into micro-lessons at topic boundaries")
class SegmentationApi {

	private final Repurposing repurposing;

	SegmentationApi(Repurposing repurposing) {
		this.repurposing = repurposing;
	}

	/**
	 * A transcript in WebVTT, SRT or text (timestamps optional; Markdown is text); {@code format} is one of
	 * {@code webvtt}, {@code srt}, {@code text} (told from the transcript when not given), and {@code maxMinutes} the
	 * longest a segment may be (7 unless given; never over the organisation's longest lesson).
	 */
	record TranscriptToCut(@NotBlank String transcript, @Nullable String format,
			@Min(3) @Max(60) @Nullable Integer maxMinutes) {
	}

	/**
	 * A proposed segment: {@code start} and {@code end} in seconds into the recording (estimated at 150 words a
	 * minute when the transcript has no times), the sentences it takes, a title and a draft objective with the
	 * linter's findings, its key phrases, and its first words.
	 */
	record SegmentView(double start, double end, int firstSentence, int sentenceCount, String title, String objective,
			ObjectiveCheck objectiveCheck, List<String> keyPhrases, String excerpt) {
	}

	record SegmentationView(String format, boolean timed, double duration, int sentences,
			List<SegmentView> segments) {
	}

	/** A segment to make a lesson of: its sentences as proposed (or moved), and its title and objective if changed. */
	record SegmentToDraft(@NotNull @Min(0) Integer firstSentence, @NotNull @Min(1) Integer sentenceCount,
			@Size(max = 120) @Nullable String title, @Size(max = 300) @Nullable String objective) {
	}

	record SegmentsToDraft(@NotBlank String transcript, @Nullable String format,
			@NotEmpty @Size(max = 100) List<@NotNull @Valid SegmentToDraft> segments) {
	}

	record DraftedLesson(UUID id, String title, String objective) {
	}

	record DraftedLessons(List<DraftedLesson> lessons) {
	}

	@PostMapping(path = "/api/v1/segmentations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: propose where to cut a transcript into micro-lessons; nothing is stored",
			description = "Segments start at topic boundaries (TextTiling over the sentences' content words) and run "
					+ "from 2 minutes to maxMinutes. A malformed transcript is refused with 400, the line to fix "
					+ "named in the detail and as `line`.")
	SegmentationView propose(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody TranscriptToCut body) {
		return view(repurposing.propose(me, body.transcript(), body.format(), body.maxMinutes()));
	}

	@PostMapping(path = "/api/v1/segmentations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: as the JSON form, with the transcript uploaded as a UTF-8 file (.vtt, .srt, .txt, .md), "
			+ "or a document (.pdf, .docx, .pptx, .html) whose text Apache Tika reads and which is cut as untimed text")
	SegmentationView proposeUpload(@AuthenticationPrincipal CurrentMember me, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Min(3) @Max(60) @Nullable Integer maxMinutes) throws IOException {
		if (Repurposing.isDocument(file.getOriginalFilename())) {
			return view(repurposing.propose(me, Repurposing.documentText(file.getOriginalFilename(), file.getBytes()),
					"text", maxMinutes));
		}
		var named = format != null ? format : io.morsel.authoring.TranscriptFormat.ofFileName(file.getOriginalFilename());
		return view(repurposing.propose(me, Repurposing.utf8(file.getBytes()), named, maxMinutes));
	}

	@PostMapping("/api/v1/segmentations/drafts")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: make a lesson draft of each accepted segment of a transcript",
			description = "Each draft has the segment's title and objective (the proposed ones unless given) and a text "
					+ "block with its time range and its part of the transcript. All are made, or none.")
	DraftedLessons draft(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody SegmentsToDraft body) {
		var drafts = repurposing.draftLessons(me, body.transcript(), body.format(), body.segments()
			.stream()
			.map(s -> new Repurposing.AcceptedSegment(s.firstSentence(), s.sentenceCount(), s.title(), s.objective()))
			.toList());
		return new DraftedLessons(drafts.stream()
			.map(d -> new DraftedLesson(d.lessonId().value(), d.content().title(), d.content().objective().text()))
			.toList());
	}

	private static SegmentationView view(Segmentation segmentation) {
		var segments = segmentation.segments().stream().map(s -> view(segmentation, s)).toList();
		var sentences = segmentation.sentences();
		return new SegmentationView(segmentation.format().code(), segmentation.timed(),
				seconds(sentences.getLast().endMillis() - sentences.getFirst().startMillis()), sentences.size(),
				segments);
	}

	private static SegmentView view(Segmentation segmentation, ProposedSegment segment) {
		var text = segmentation.text(segment);
		return new SegmentView(seconds(segment.startMillis()), seconds(segment.endMillis()), segment.firstSentence(),
				segment.sentenceCount(), segment.title(), segment.objective(), segment.objectiveCheck(),
				segment.keyPhrases(), text.length() > 200 ? text.substring(0, 200) + "…" : text);
	}

	private static double seconds(long millis) {
		return millis / 1000.0;
	}
}
