package io.morsel.authoring;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Media;
import io.morsel.catalog.MediaLibrary;
import io.morsel.catalog.MediaRange;
import io.morsel.catalog.Objective;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repurposing a recording: its transcript cut into micro-lessons at topic boundaries, the cuts moved by the author,
 * and the accepted segments made into lesson drafts (one each, with its part of the transcript and its time range).
 * The API's {@code /api/v1/segmentations} and the studio's review page both come here. The API stores nothing until
 * drafts are made; the studio keeps its working copy (the transcript and the cuts) per organisation while the author
 * reviews it.
 */
@Service
public class Repurposing {

	public static final int DEFAULT_MAX_MINUTES = 7;
	public static final int SHORTEST_MAX_MINUTES = 3;
	public static final int LONGEST_MAX_MINUTES = 60;

	/** A lesson's text block holds at most 20,000 characters; the time range and a note take the rest. */
	private static final int EXCERPT_LIMIT = 19_000;

	/** A segment the author accepted, with the title and objective they gave it (the proposed ones when blank). */
	public record AcceptedSegment(int firstSentence, int sentenceCount, @Nullable String title,
			@Nullable String objective) {
	}

	/**
	 * A studio working copy: the transcript as cut now, the media file it was said in (when uploaded with it), and the
	 * lessons made of it once accepted.
	 */
	public record Review(UUID id, String name, int maxMinutes, Segmentation segmentation, Instant createdAt,
			@Nullable Instant draftedAt, List<LessonId> lessons, @Nullable Media media) {

		/** The media fragment that plays a segment's time range ({@code #t=start,end}). */
		public String fragment(ProposedSegment segment) {
			return range(segment).fragment();
		}
	}

	/** A working copy in the studio's list. */
	public record ReviewSummary(UUID id, String name, String format, Instant createdAt, @Nullable Instant draftedAt) {
	}

	private final TranscriptSegmenter segmenter;
	private final AuthoringSettings settings;
	private final Workbench workbench;
	private final MediaLibrary library;
	private final MediaDurations durations;
	private final JdbcClient sql;
	private final Clock clock;

	Repurposing(TranscriptSegmenter segmenter, AuthoringSettings settings, Workbench workbench, MediaLibrary library,
			MediaDurations durations, JdbcClient sql, Clock clock) {
		this.segmenter = segmenter;
		this.settings = settings;
		this.workbench = workbench;
		this.library = library;
		this.durations = durations;
		this.sql = sql;
		this.clock = clock;
	}

	/**
	 * The segments proposed for a transcript, each at most {@code maxMinutes} (7 unless given, never over the
	 * organisation's longest lesson) and at least two minutes long; nothing is stored.
	 */
	public Segmentation propose(CurrentMember author, String transcript, @Nullable String format,
			@Nullable Integer maxMinutes) {
		AuthorRole.required(author);
		return segmenter.propose(read(transcript, format), maxMillis(author, maxMinutes));
	}

	/**
	 * One lesson draft per accepted segment of the transcript, in order; all of them or, when one is refused (an
	 * objective of two sentences, a segment outside the transcript), none.
	 */
	@Transactional
	public List<LessonVersion> draftLessons(CurrentMember author, String transcript, @Nullable String format,
			List<AcceptedSegment> accepted) {
		return draftLessons(author, transcript, format, accepted, null);
	}

	/**
	 * The drafts of {@link #draftLessons(CurrentMember, String, String, List)}; with the recording's media file, each
	 * draft plays its segment's time range of it, beside the cues said in that range.
	 */
	private List<LessonVersion> draftLessons(CurrentMember author, String transcript, @Nullable String format,
			List<AcceptedSegment> accepted, @Nullable Media media) {
		AuthorRole.required(author);
		var read = read(transcript, format);
		var reading = segmenter.read(read);
		var sentences = reading.sentences().size();
		if (accepted.isEmpty()) {
			throw new InvalidValueException("authoring.refused.accept-least-segment-make-lesson");
		}
		var starts = new ArrayList<Integer>();
		var previousEnd = 0;
		for (var segment : accepted) {
			if (segment.firstSentence() < previousEnd || segment.sentenceCount() < 1
					|| segment.firstSentence() + segment.sentenceCount() > sentences) {
				throw new InvalidValueException("authoring.refused.segments-take-sentences-0-order-without",
						(sentences - 1), segment.firstSentence(), (segment.firstSentence() + segment.sentenceCount() - 1));
			}
			previousEnd = segment.firstSentence() + segment.sentenceCount();
		}
		// Sentences between accepted segments, left out by the author, are cut off as segments of their own.
		var cuts = new java.util.TreeSet<Integer>();
		cuts.add(0);
		accepted.forEach(segment -> {
			cuts.add(segment.firstSentence());
			cuts.add(segment.firstSentence() + segment.sentenceCount());
		});
		cuts.remove(sentences);
		var segmentation = reading.segmentation(List.copyOf(cuts));
		var drafts = new ArrayList<LessonVersion>();
		for (var segment : accepted) {
			var proposed = segmentation.segments()
				.stream()
				.filter(s -> s.firstSentence() == segment.firstSentence())
				.findFirst()
				.orElseThrow();
			drafts.add(workbench.create(author, media == null ? lesson(segmentation, proposed, segment)
					: played(read, media, durations.seconds(author.organisationId(), media.id().toString()), proposed,
							segment)));
		}
		return drafts;
	}

	/** Reads the transcript and keeps it, cut where the segmenter proposes, for the author to review. */
	@Transactional
	public UUID startReview(CurrentMember author, String name, String transcript, @Nullable String format,
			@Nullable Integer maxMinutes) {
		return startReview(author, name, transcript, format, maxMinutes, null);
	}

	/**
	 * Reads the transcript and keeps it, with the media file it was said in ({@code media}, an audio or video file of
	 * the organisation's library), cut where the segmenter proposes, for the author to review. The transcript must
	 * then be timed (WebVTT or SRT) and, where the file's duration can be read, end within it.
	 */
	@Transactional
	public UUID startReview(CurrentMember author, String name, String transcript, @Nullable String format,
			@Nullable Integer maxMinutes, @Nullable UUID media) {
		var segmentation = propose(author, transcript, format, maxMinutes);
		if (media != null) {
			checkMedia(author, media, segmentation);
		}
		var id = UUID.randomUUID();
		var title = name.isBlank() ? "Recording" : name.strip();
		if (title.length() > 120) {
			throw new InvalidValueException("authoring.refused.recording-s-name-has-most-120");
		}
		sql.sql("""
				INSERT INTO segmentations (id, organisation_id, created_by, name, format, transcript, max_minutes, starts,
				                           created_at, media_id)
				VALUES (:id, :organisation, :author, :name, :format, :transcript, :maxMinutes, :starts, :now, :media)
				""")
			.param("media", media)
			.param("id", id)
			.param("organisation", author.organisationId().value())
			.param("author", author.userId().value())
			.param("name", title)
			.param("format", segmentation.format().code())
			.param("transcript", transcript)
			.param("maxMinutes", maxMinutes == null ? DEFAULT_MAX_MINUTES : maxMinutes)
			.param("starts", starts(segmentation.starts()))
			.param("now", Timestamps.of(clock.instant()))
			.update();
		return id;
	}

	@Transactional(readOnly = true)
	public List<ReviewSummary> reviews(CurrentMember author) {
		AuthorRole.required(author);
		return sql.sql("""
				SELECT id, name, format, created_at, drafted_at
				FROM segmentations
				WHERE organisation_id = :organisation
				ORDER BY created_at DESC
				""")
			.param("organisation", author.organisationId().value())
			.query((rs, row) -> new ReviewSummary(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("format"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "drafted_at")))
			.list();
	}

	/** The working copy as cut now; another organisation's is not found. */
	@Transactional(readOnly = true)
	public Review review(CurrentMember author, UUID id) {
		var stored = stored(author, id);
		var lessons = sql.sql("""
				SELECT lesson_id
				FROM segmentation_lessons
				WHERE segmentation_id = :id
				ORDER BY position
				""")
			.param("id", id)
			.query((rs, row) -> new LessonId(rs.getObject("lesson_id", UUID.class)))
			.list();
		var segmentation = segmenter.cut(read(stored.transcript(), stored.format()), stored.starts());
		return new Review(id, stored.name(), stored.maxMinutes(), segmentation, stored.createdAt(), stored.draftedAt(),
				lessons, media(author, stored));
	}

	/** Moves the cut before segment {@code segment} (from 1) so that it starts at {@code sentence}. */
	@Transactional
	public void moveCut(CurrentMember author, UUID id, int segment, int sentence) {
		changeCuts(author, id, starts -> {
			if (segment < 1 || segment >= starts.size()) {
				throw new NotFoundException("not-found.cut");
			}
			var after = starts.get(segment - 1);
			var before = segment + 1 < starts.size() ? starts.get(segment + 1) : Integer.MAX_VALUE;
			if (sentence <= after || sentence >= before) {
				throw new InvalidValueException("authoring.refused.cut-moves-between-segments-either-side");
			}
			starts.set(segment, sentence);
		});
	}

	/** Removes the cut before segment {@code segment} (from 1): it and the one before become one. */
	@Transactional
	public void merge(CurrentMember author, UUID id, int segment) {
		changeCuts(author, id, starts -> {
			if (segment < 1 || segment >= starts.size()) {
				throw new NotFoundException("not-found.cut");
			}
			starts.remove(segment);
		});
	}

	/** Adds a cut: a new segment starts at {@code sentence}. */
	@Transactional
	public void split(CurrentMember author, UUID id, int sentence) {
		changeCuts(author, id, starts -> {
			if (sentence <= 0 || starts.contains(sentence)) {
				throw new InvalidValueException("authoring.refused.choose-sentence-inside-segment-start-new");
			}
			starts.add(sentence);
			starts.sort(null);
		});
	}

	/** Makes the accepted segments of the working copy into lesson drafts; a working copy is drafted once. */
	@Transactional
	public List<LessonVersion> accept(CurrentMember author, UUID id, List<AcceptedSegment> accepted) {
		var stored = stored(author, id);
		if (stored.draftedAt() != null) {
			throw new ConflictException("authoring.refused.lessons-recording-were-made-already");
		}
		var drafts = draftLessons(author, stored.transcript(), stored.format(), accepted, media(author, stored));
		for (var i = 0; i < drafts.size(); i++) {
			sql.sql("""
					INSERT INTO segmentation_lessons (segmentation_id, position, lesson_id)
					VALUES (:id, :position, :lesson)
					""")
				.param("id", id)
				.param("position", i)
				.param("lesson", drafts.get(i).lessonId().value())
				.update();
		}
		sql.sql("""
				UPDATE segmentations
				SET drafted_at = :now
				WHERE id = :id
				""")
			.param("id", id)
			.param("now", Timestamps.of(clock.instant()))
			.update();
		return drafts;
	}

	private void changeCuts(CurrentMember author, UUID id, java.util.function.Consumer<List<Integer>> change) {
		var stored = stored(author, id);
		if (stored.draftedAt() != null) {
			throw new ConflictException("authoring.refused.lessons-recording-were-made-already-cuts");
		}
		var starts = new ArrayList<>(stored.starts());
		change.accept(starts);
		segmenter.cut(read(stored.transcript(), stored.format()), starts);
		sql.sql("""
				UPDATE segmentations
				SET starts = :starts
				WHERE id = :id
				""")
			.param("id", id)
			.param("starts", starts(starts))
			.update();
	}

	private record Stored(String name, String format, String transcript, int maxMinutes, List<Integer> starts,
			Instant createdAt, @Nullable Instant draftedAt, @Nullable UUID media) {
	}

	private @Nullable Media media(CurrentMember author, Stored stored) {
		return stored.media() == null ? null : library.find(author.organisationId(), stored.media()).orElse(null);
	}

	/**
	 * A recording's media file is an audio or video file of the organisation, its transcript is timed, and the
	 * transcript ends within the file where the file's duration can be read.
	 */
	private void checkMedia(CurrentMember author, UUID media, Segmentation segmentation) {
		var file = library.find(author.organisationId(), media)
			.orElseThrow(() -> new NotFoundException("not-found.media"));
		if (!file.contentType().startsWith("audio/") && !file.contentType().startsWith("video/")) {
			throw new InvalidValueException("authoring.refused.recording-s-media-audio-video-file",
					file.fileName(), file.contentType());
		}
		if (!segmentation.timed()) {
			throw new InvalidValueException("authoring.refused.recording-s-media-needs-transcript-times");
		}
		var seconds = durations.seconds(author.organisationId(), media.toString());
		var end = segmentation.segments().getLast().endMillis();
		// A cue may run a moment past the last sound; a second's grace keeps the last lesson.
		if (seconds.isPresent() && end > (seconds.getAsLong() + 1) * 1000) {
			throw new InvalidValueException("authoring.refused.transcript-runs-past-end-transcript-recording",
					TranscriptLines.clock(end).replaceFirst(
					"\\.\\d+$", ""), file.fileName(), TranscriptLines
						.clock(seconds.getAsLong() * 1000)
						.replaceFirst("\\.\\d+$", ""));
		}
	}

	/** A lesson draft of one segment that plays its time range of the recording beside the cues said in it. */
	private static LessonContent played(Transcript transcript, Media media, java.util.OptionalLong seconds,
			ProposedSegment segment, AcceptedSegment accepted) {
		var title = blank(accepted.title()) ? segment.title() : accepted.title().strip();
		var objective = new Objective(blank(accepted.objective()) ? segment.objective() : accepted.objective());
		var range = range(segment);
		if (seconds.isPresent() && range.end() > seconds.getAsLong() && range.start() < seconds.getAsLong()) {
			// The last cue ran a moment past the file's end (within the second allowed when the media was given).
			range = new MediaRange(range.start(), seconds.getAsLong());
		}
		var cues = new StringBuilder("WEBVTT\n");
		for (var cue : transcript.cues()) {
			if (range.overlaps(cue.startMillis(), cue.endMillis())) {
				cues.append('\n')
					.append(vttTime(cue.startMillis()))
					.append(" --> ")
					.append(vttTime(cue.endMillis()))
					.append('\n')
					.append(cue.text().replace("-->", "→").replaceAll("\\s+", " ").strip())
					.append('\n');
			}
		}
		var id = media.id().toString();
		Block block = media.contentType().startsWith("video/") ? new Block.Video(id, null, title, cues.toString(), range)
				: new Block.Audio(id, title, cues.toString(), range);
		var minutes = (int) Math.clamp(Math.round(segment.durationMillis() / 60_000.0), 1, LessonContent.MAX_MINUTES);
		return new LessonContent(title, objective, minutes, List.of(), List.of(block));
	}

	/** A segment's time range of the recording. */
	static MediaRange range(ProposedSegment segment) {
		return new MediaRange(segment.startMillis() / 1000.0, segment.endMillis() / 1000.0);
	}

	private static String vttTime(long millis) {
		return "%02d:%02d:%02d.%03d".formatted(millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
				millis % 1000);
	}

	private Stored stored(CurrentMember author, UUID id) {
		AuthorRole.required(author);
		return sql.sql("""
				SELECT name, format, transcript, max_minutes, starts, created_at, drafted_at, media_id
				FROM segmentations
				WHERE id = :id
				  AND organisation_id = :organisation
				""")
			.param("id", id)
			.param("organisation", author.organisationId().value())
			.query((rs, row) -> new Stored(rs.getString("name"), rs.getString("format"), rs.getString("transcript"),
					rs.getInt("max_minutes"),
					Arrays.stream(rs.getString("starts").split(",")).map(Integer::valueOf).toList(),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "drafted_at"),
					rs.getObject("media_id", UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("not-found.recording"));
	}

	private long maxMillis(CurrentMember author, @Nullable Integer maxMinutes) {
		var minutes = maxMinutes == null ? DEFAULT_MAX_MINUTES : maxMinutes;
		if (minutes < SHORTEST_MAX_MINUTES || minutes > LONGEST_MAX_MINUTES) {
			throw new InvalidValueException("authoring.refused.longest-segment-maxminutes-runs-minutes",
					SHORTEST_MAX_MINUTES, LONGEST_MAX_MINUTES);
		}
		return Math.min(minutes, settings.policy(author.organisationId()).maxLessonMinutes()) * 60_000L;
	}

	private static Transcript read(String transcript, @Nullable String format) {
		if (transcript == null || transcript.isBlank()) {
			throw new MalformedTranscript(null, "authoring.refused.transcript-empty");
		}
		return TranscriptFormat.of(format, transcript).read(transcript);
	}

	/** A lesson draft of one segment: its title and objective, and its words after the time range they were said in. */
	private static LessonContent lesson(Segmentation segmentation, ProposedSegment segment, AcceptedSegment accepted) {
		var title = blank(accepted.title()) ? segment.title() : accepted.title().strip();
		var objective = new Objective(blank(accepted.objective()) ? segment.objective() : accepted.objective());
		var range = TranscriptLines.clock(segment.startMillis()).replaceFirst("\\.\\d+$", "") + "–"
				+ TranscriptLines.clock(segment.endMillis()).replaceFirst("\\.\\d+$", "");
		var note = segmentation.timed() ? "*From the recording, " + range + ".*"
				: "*From the transcript, about " + range + " (timed at " + Transcript.WORDS_PER_MINUTE
						+ " words a minute).*";
		var excerpt = segmentation.text(segment);
		if (excerpt.length() > EXCERPT_LIMIT) {
			excerpt = excerpt.substring(0, EXCERPT_LIMIT) + "…";
		}
		var minutes = (int) Math.clamp(Math.round(segment.durationMillis() / 60_000.0), 1, LessonContent.MAX_MINUTES);
		return new LessonContent(title, objective, minutes, List.of(), List.of(new Block.Text(note + "\n\n" + excerpt)));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static String starts(List<Integer> starts) {
		return starts.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** Whether an uploaded file is a document (PDF, DOCX, PPTX, HTML) rather than a transcript, by its name. */
	public static boolean isDocument(@Nullable String fileName) {
		return DocumentText.isDocument(fileName);
	}

	/**
	 * A document's text as Markdown (headings kept), to cut as a transcript without timestamps.
	 * @throws InvalidValueException when it cannot be read as a PDF, DOCX, PPTX or HTML document, or holds no text
	 */
	public static String documentText(@Nullable String fileName, byte[] bytes) {
		return DocumentText.markdown(fileName, bytes);
	}

	/** A file's bytes as UTF-8 text; bytes that are not UTF-8 are refused naming their line. */
	public static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			var valid = 0;
			var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
			var in = ByteBuffer.wrap(bytes);
			var out = java.nio.CharBuffer.allocate(bytes.length);
			decoder.decode(in, out, true);
			valid = in.position();
			var line = 1;
			for (var i = 0; i < valid; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw new MalformedTranscript(line, "authoring.refused.file-not-utf-8-text-byte", (valid + 1));
		}
	}
}
