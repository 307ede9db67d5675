package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents read by Apache Tika into Markdown, and files it cannot read refused with the reason. */
class DocumentTextTests {

	private static final String MARKDOWN = """
			# Running a calm support queue

			We start where every ticket starts, with triage.

			## Escalation

			When a ticket needs an engineer, the agent writes down what the customer tried & saw.
			""";

	@Test
	void anHtmlDocumentKeepsItsHeadingsAndParagraphs() {
		var text = DocumentText.markdown("queue.html", Documents.html(MARKDOWN));

		assertThat(text).isEqualTo("""
				# Running a calm support queue

				We start where every ticket starts, with triage.

				## Escalation

				When a ticket needs an engineer, the agent writes down what the customer tried & saw.
				""");
	}

	@Test
	void aPdfAndAWordDocumentAreReadAsTheirText() throws Exception {
		var pdf = DocumentText.markdown("queue.pdf", Documents.pdf(MARKDOWN));
		var docx = DocumentText.markdown("queue.docx", Documents.docx(MARKDOWN));

		assertThat(pdf).containsSubsequence("Running a calm support queue", "with triage.", "Escalation",
				"tried & saw.");
		assertThat(docx).containsSubsequence("Running a calm support queue\n\n", "with triage.\n\n", "Escalation\n\n",
				"tried & saw.\n");
	}

	@Test
	void documentsAreToldFromTranscriptsByTheirNames() {
		assertThat(DocumentText.isDocument("Handbook.PDF")).isTrue();
		assertThat(DocumentText.isDocument("deck.pptx")).isTrue();
		assertThat(DocumentText.isDocument("talk.vtt")).isFalse();
		assertThat(DocumentText.isDocument("notes.md")).isFalse();
		assertThat(DocumentText.isDocument(null)).isFalse();
	}

	@Test
	void aDamagedDocumentIsRefusedSayingItCouldNotBeRead() {
		var damaged = "%PDF-1.7\nthis is not the rest of a PDF".getBytes(StandardCharsets.US_ASCII);

		assertThatThrownBy(() -> DocumentText.markdown("handbook.pdf", damaged))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageStartingWith("This file could not be read as a PDF, DOCX, PPTX or HTML document");
	}

	@Test
	void aFileOfAnotherTypeOrWithoutTextIsRefused() throws Exception {
		var zip = new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 };

		assertThatThrownBy(() -> DocumentText.markdown("deck.pptx", zip)).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> DocumentText.markdown("scan.pdf", Documents.emptyPdf()))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageStartingWith("This document has no text to read");
	}
}
