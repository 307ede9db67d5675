package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document with headings is cut at its headings, each lesson titled by its heading; a section longer than a lesson
 * is cut further by the tiling; a document without headings (or with only its title) is tiled as before.
 */
class DocumentSectionsTests {

	static final String HANDBOOK = """
			# Greeting a new customer

			Open every conversation by using the customer's name and thanking them for writing in. Read the whole
			message before you answer, so that you never ask for something they already told you. Repeat the problem
			back in one sentence, which shows you listened and lets them correct a misunderstanding early.

			## Closing a ticket

			Close a ticket only once the customer confirms the fix works for them. Summarise what was changed, link
			the article that explains it, and invite them to reopen the ticket if the problem returns within a week.

			## Handing over at the end of a shift

			Before you leave, write a short note on every open ticket: what you tried, what the customer is waiting
			for, and when they were last updated. The next agent reads these notes first, so the customer never has to
			explain the problem twice.
			""";

	@Test
	void anHtmlDocumentWithThreeHeadingsGivesThreeLessonsTitledByThem() {
		var text = DocumentText.markdown("handbook.html", Documents.html(HANDBOOK));

		var segments = segments(text, 7);

		assertThat(segments).extracting(ProposedSegment::title)
			.containsExactly("Greeting a new customer", "Closing a ticket", "Handing over at the end of a shift");
		var cut = SegmentationQualityTests.SEGMENTER.propose(TranscriptFormat.TEXT.read(text), 7 * 60_000L);
		assertThat(cut.text(segments.get(1))).startsWith("Close a ticket only once").endsWith("within a week.");
	}

	@Test
	void aWordDocumentsHeadingStylesStartItsLessons() throws Exception {
		var text = DocumentText.markdown("handbook.docx", Documents.docxWithHeadings(HANDBOOK));

		assertThat(segments(text, 7)).extracting(ProposedSegment::title)
			.containsExactly("Greeting a new customer", "Closing a ticket", "Handing over at the end of a shift");
	}

	@Test
	void aSectionLongerThanALessonIsCutFurtherAndTheOthersStayWhole() throws Exception {
		var webinar = SegmentationQualityTests.text("support-webinar.md").replaceFirst("^# [^\n]*\n", "");
		var text = HANDBOOK + "\n## Running the queue\n\n" + webinar;

		var segments = segments(text, 3);

		assertThat(segments).hasSizeGreaterThan(4);
		assertThat(segments.subList(0, 4)).extracting(ProposedSegment::title)
			.containsExactly("Greeting a new customer", "Closing a ticket", "Handing over at the end of a shift",
					"Running the queue");
		assertThat(segments.subList(4, segments.size())).extracting(ProposedSegment::title)
			.doesNotContain("Running the queue");
		assertThat(segments).allSatisfy(segment -> assertThat(segment.durationMillis()).isLessThanOrEqualTo(3 * 60_000L));
	}

	@Test
	void aMarkdownTextWithOnlyItsTitleIsTiledAsWithoutHeadings() throws Exception {
		var markdown = SegmentationQualityTests.text("support-webinar.md");
		var withoutTitle = markdown.replaceFirst("^# [^\n]*\n", "");

		assertThat(starts(markdown)).isEqualTo(starts(withoutTitle)).hasSizeGreaterThan(1);
	}

	@Test
	void aHeadingWithoutTextBelowItStartsNoLesson() {
		var text = "# Handbook\n\n" + HANDBOOK.replace("## Closing a ticket", "## Closing\n\n### Closing a ticket");

		assertThat(segments(text, 7)).extracting(ProposedSegment::title)
			.containsExactly("Greeting a new customer", "Closing a ticket", "Handing over at the end of a shift");
	}

	private static List<ProposedSegment> segments(String text, int maxMinutes) {
		return SegmentationQualityTests.SEGMENTER.propose(TranscriptFormat.TEXT.read(text), maxMinutes * 60_000L)
			.segments();
	}

	private static List<Integer> starts(String text) {
		return SegmentationQualityTests.SEGMENTER.propose(TranscriptFormat.TEXT.read(text), 7 * 60_000L).starts();
	}
}
