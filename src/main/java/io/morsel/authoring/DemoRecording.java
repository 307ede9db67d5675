package io.morsel.authoring;

import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds Acme's studio with a recording repurposed: its twenty-minute webinar "Reporting that people read" (audio and
 * transcript from {@code demo/recordings}, made by tools/make-demo-recording.sh) cut by the segmenter where it proposes,
 * and every segment made into a lesson draft that plays its own range of the recording. The drafts wait in Acme's
 * studio for its author to add a question and publish them. Runs once: not where the recording is already there.
 */
class DemoRecording {

	static final String NAME = "Webinar: Reporting that people read";
	static final String FILE = "reporting-that-people-read";

	private static final Logger log = LoggerFactory.getLogger(DemoRecording.class);

	private final Directory directory;
	private final Repurposing repurposing;
	private final MediaLibrary library;
	private final TransactionTemplate transaction;

	DemoRecording(Directory directory, Repurposing repurposing, MediaLibrary library, TransactionTemplate transaction) {
		this.directory = directory;
		this.repurposing = repurposing;
		this.library = library;
		this.transaction = transaction;
	}

	/** After the demo catalog, which seeds only an organisation without lessons, and these drafts are lessons. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void seed() {
		var author = directory.member("author@acme.test", "acme");
		if (author.isEmpty() || repurposing.reviews(author.get()).stream().anyMatch(r -> r.name().equals(NAME))) {
			return;
		}
		try {
			seed(author.get());
			log.info("Seeded the demo recording of acme");
		}
		catch (RuntimeException refused) {
			// The demo works without it; a recording the segmenter or a rule refuses is logged, not fatal.
			log.warn("The demo recording of acme was not seeded: {}", refused.getMessage());
		}
	}

	private void seed(CurrentMember author) {
		var transcript = new String(bytes(FILE + ".vtt"), StandardCharsets.UTF_8);
		transaction.executeWithoutResult(status -> {
			var media = library.store(author, FILE + ".ogg", new java.io.ByteArrayInputStream(bytes(FILE + ".ogg")));
			var id = repurposing.startReview(author, NAME, transcript, "webvtt", Repurposing.DEFAULT_MAX_MINUTES,
					media.id());
			var accepted = repurposing.review(author, id)
				.segmentation()
				.segments()
				.stream()
				.map(segment -> new Repurposing.AcceptedSegment(segment.firstSentence(), segment.sentenceCount(), null,
						null))
				.toList();
			repurposing.accept(author, id, accepted);
		});
	}

	private static byte[] bytes(String file) {
		try (var in = new ClassPathResource("demo/recordings/" + file).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The demo recording " + file + " is missing", e);
		}
	}
}
