package io.morsel.search;

import io.morsel.catalog.Block;
import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The text inside lesson images, recognised by Tesseract ({@code tesseract image stdout}, the Debian packages
 * {@code tesseract-ocr} and {@code tesseract-ocr-eng}) as a process of its own, with a time limit. Only the index's
 * thread asks, never a request. What it recognised is kept by the image's SHA-256 in {@code search_image_texts}, so a
 * rebuild, another node or the same image in another lesson does not recognise it again.
 *
 * <p>Without Tesseract the index is built without the text in images, and says so once in the log.
 */
@Component
class ImageTexts {

	private static final Logger log = LoggerFactory.getLogger(ImageTexts.class);

	/** Enough for a slide or a diagram; a page of scanned text is cut here. */
	static final int MAX_CHARACTERS = 4000;

	private final MediaLibrary media;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String command;
	private final Duration timeout;

	private final AtomicBoolean missingLogged = new AtomicBoolean();
	/** Images Tesseract failed on or ran out of time with, in this run: tried again only after a restart. */
	private final Set<String> failed = ConcurrentHashMap.newKeySet();

	ImageTexts(MediaLibrary media, JdbcClient jdbc, Clock clock,
			@Value("${morsel.search.ocr.command}") String command,
			@Value("${morsel.search.ocr.timeout}") Duration timeout) {
		this.media = media;
		this.jdbc = jdbc;
		this.clock = clock;
		this.command = command;
		this.timeout = timeout;
	}

	/** The image's text as one line of words; empty when it has none, or it could not be recognised. */
	String of(OrganisationId organisation, Block.Image image) {
		var id = uuid(image.media());
		if (id.isEmpty()) {
			return "";
		}
		var file = media.find(organisation, id.get()).filter(m -> m.contentType().startsWith("image/"));
		if (file.isEmpty()) {
			return "";
		}
		var sha256 = file.get().sha256();
		var known = jdbc.sql("SELECT text FROM search_image_texts WHERE sha256 = :sha256")
			.param("sha256", sha256)
			.query(String.class)
			.optional();
		if (known.isPresent()) {
			return known.get();
		}
		if (failed.contains(sha256)) {
			return "";
		}
		var recognised = recognise(media.file(id.get()).toString(), sha256);
		recognised.ifPresent(text -> remember(sha256, text));
		return recognised.orElse("");
	}

	private Optional<String> recognise(String file, String sha256) {
		Process process;
		try {
			var builder = new ProcessBuilder(command, file, "stdout", "-l", "eng")
				.redirectError(ProcessBuilder.Redirect.DISCARD);
			// One thread: the node's cores serve learners; an image waits a little longer instead.
			builder.environment().put("OMP_THREAD_LIMIT", "1");
			process = builder.start();
		}
		catch (IOException e) {
			if (missingLogged.compareAndSet(false, true)) {
				log.warn("Tesseract is not installed ({}): lessons are indexed without the text in their images. "
						+ "Install the Debian packages tesseract-ocr and tesseract-ocr-eng", e.getMessage());
			}
			return Optional.empty();
		}
		var output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				failed.add(sha256);
				log.warn("Tesseract took longer than {} on image {}: indexed without its text", timeout, sha256);
				return Optional.empty();
			}
			var text = output.get(5, TimeUnit.SECONDS);
			if (process.exitValue() != 0) {
				failed.add(sha256);
				log.warn("Tesseract could not read image {} (exit {}): indexed without its text", sha256,
						process.exitValue());
				return Optional.empty();
			}
			var words = text.replaceAll("\\s+", " ").strip();
			return Optional.of(words.length() > MAX_CHARACTERS ? words.substring(0, MAX_CHARACTERS) : words);
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (ExecutionException | TimeoutException e) {
			process.destroyForcibly();
			failed.add(sha256);
			log.warn("Could not read Tesseract's output for image {}", sha256, e);
			return Optional.empty();
		}
	}

	private static String read(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void remember(String sha256, String text) {
		try {
			jdbc.sql("""
					INSERT INTO search_image_texts (sha256, text, recognised_at)
					VALUES (:sha256, :text, :now)
					""")
				.param("sha256", sha256)
				.param("text", text)
				.param("now", Timestamps.of(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			// Another node recognised the same image at the same time: the same text.
		}
	}

	private static Optional<UUID> uuid(String media) {
		try {
			return Optional.of(UUID.fromString(media));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
