package io.morsel.catalog;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import io.morsel.shared.Timestamps;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Stores and finds the organisation's media. A file is accepted by what its bytes are (Apache Tika's magic-byte
 * detection), not by its name: the detected type must be one Morsel serves, and agree with the file's extension,
 * so an executable named {@code .png} is refused. Each kind has its size limit.
 */
@Service
public class MediaLibrary {

	/** What Morsel accepts: file extension to the media type its bytes must have, and the size limit of that kind. */
	private static final Map<String, Accepted> ACCEPTED = Map.ofEntries(
			Map.entry("png", new Accepted("image/png", 5)), Map.entry("jpg", new Accepted("image/jpeg", 5)),
			Map.entry("jpeg", new Accepted("image/jpeg", 5)), Map.entry("gif", new Accepted("image/gif", 5)),
			Map.entry("webp", new Accepted("image/webp", 5)), Map.entry("mp4", new Accepted("video/mp4", 200)),
			Map.entry("webm", new Accepted("video/webm", 200)), Map.entry("ogv", new Accepted("video/ogg", 200)),
			Map.entry("mp3", new Accepted("audio/mpeg", 30)), Map.entry("ogg", new Accepted("audio/ogg", 30)),
			Map.entry("opus", new Accepted("audio/ogg", 30)), Map.entry("oga", new Accepted("audio/ogg", 30)),
			Map.entry("weba", new Accepted("audio/webm", 30)), Map.entry("m4a", new Accepted("audio/mp4", 30)),
			Map.entry("wav", new Accepted("audio/wav", 30)),
			Map.entry("vtt", new Accepted("text/vtt", 1)), Map.entry("pdf", new Accepted("application/pdf", 20)));

	private record Accepted(String type, int maxMegabytes) {
	}

	/** The file is not one Morsel accepts, by its bytes or its name. */
	public static class UnsupportedMediaException extends ProblemException {

		UnsupportedMediaException(String code, Object... arguments) {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "problem.title.unsupported-file", code,
					arguments);
		}
	}

	/** The file is larger than its kind allows. */
	public static class MediaTooLargeException extends ProblemException {

		MediaTooLargeException(String code, Object... arguments) {
			super(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE, "problem.title.file-too-large", code, arguments);
		}
	}

	private final JdbcClient jdbc;
	private final Path root;
	private final TransactionTemplate transaction;
	private final Clock clock;
	/** Made at the first upload: Tika's configuration reads every detector it ships, which a start does not need. */
	private final SingletonSupplier<Tika> tika = SingletonSupplier.of(Tika::new);

	MediaLibrary(JdbcClient jdbc, @Value("${morsel.media.root:./data/media}") Path root, TransactionTemplate transaction,
			Clock clock) {
		this.jdbc = jdbc;
		this.root = root;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Stores a file: written to a temporary file while its hash is computed, checked, then moved into place and
	 * recorded. A refused or failed upload leaves neither a row nor a file behind.
	 */
	public Media store(CurrentMember uploader, @Nullable String fileName, InputStream content) {
		var safeName = baseName(fileName);
		var extension = safeName.contains(".") ? safeName.substring(safeName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		var accepted = ACCEPTED.get(extension);
		if (accepted == null) {
			throw new UnsupportedMediaException("catalog.refused.upload-image-png-jpeg-gif-webp");
		}
		if (safeName.length() > 200) {
			throw new UnsupportedMediaException("catalog.refused.file-name-may-most-200-characters");
		}
		Path temporary = null;
		try {
			Files.createDirectories(root);
			temporary = Files.createTempFile(root, "upload-", ".part");
			var digest = MessageDigest.getInstance("SHA-256");
			long size;
			try (var in = new DigestInputStream(content, digest)) {
				size = copyAtMost(in, temporary, accepted.maxMegabytes() * 1024L * 1024L);
			}
			if (size < 0) {
				throw new MediaTooLargeException("catalog.refused.file-may-most-mb",
						extension, accepted.maxMegabytes());
			}
			String detected;
			try (var in = new BufferedInputStream(Files.newInputStream(temporary))) {
				detected = tika.obtain().detect(in);
			}
			if (!matches(accepted.type(), detected)) {
				throw new UnsupportedMediaException("catalog.refused.file-named-not-name-says",
						safeName, detected, accepted.type());
			}
			var media = new Media(UUID.randomUUID(), safeName, accepted.type(), size,
					HexFormat.of().formatHex(digest.digest()), clock.instant());
			record(uploader, media, temporary);
			temporary = null;
			return media;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not store the upload", e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java platform provides SHA-256", e);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Inserts the row and moves the file into place in one short transaction, after the slow part (receiving and
	 * checking the bytes) is done. A failed move rolls the row back; a rollback after the move (a failed commit, or
	 * a caller's transaction this one joined) removes the file again.
	 */
	private void record(CurrentMember uploader, Media media, Path upload) {
		var target = file(media.id());
		transaction.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO media (id, organisation_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
					VALUES (:id, :organisation, :name, :type, :size, :sha, :by, :at)
					""")
				.param("id", media.id())
				.param("organisation", uploader.organisationId().value())
				.param("name", media.fileName())
				.param("type", media.contentType())
				.param("size", media.size())
				.param("sha", media.sha256())
				.param("by", uploader.userId().value())
				.param("at", Timestamps.of(media.uploadedAt()))
				.update();
			try {
				Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not store the upload", e);
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int outcome) {
					if (outcome == STATUS_ROLLED_BACK) {
						deleteQuietly(target);
					}
				}
			});
		});
	}

	/**
	 * Removes a file uploaded for an edit that was then refused: its row and its bytes. Only the request that stored it
	 * calls this, before anything could name it.
	 */
	public void discard(OrganisationId organisation, UUID id) {
		var removed = transaction.execute(status -> jdbc.sql("DELETE FROM media WHERE id = :id AND organisation_id = :organisation")
			.param("id", id)
			.param("organisation", organisation.value())
			.update());
		if (removed != null && removed > 0) {
			deleteQuietly(file(id));
		}
	}

	/** A media file of the organisation; another organisation's is not found. */
	public Optional<Media> find(OrganisationId organisation, UUID id) {
		return jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes, sha256, uploaded_at
				FROM media
				WHERE id = :id
				  AND organisation_id = :organisation
				""")
			.param("id", id)
			.param("organisation", organisation.value())
			.query((rs, n) -> new Media(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Where a media file's bytes are. */
	public Path file(UUID id) {
		return root.resolve(id.toString());
	}

	/** A media file of the organisation, or {@link NotFoundException} (also for another organisation's). */
	public Media require(OrganisationId organisation, UUID id) {
		return find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.media"));
	}

	/** Tika names some types by an alias or a more general parent; these count as the type the name promises. */
	private static boolean matches(String expected, String detected) {
		if (expected.equals(detected)) {
			return true;
		}
		return switch (expected) {
			case "audio/ogg" -> detected.equals("audio/opus") || detected.equals("audio/vorbis") || detected.equals("application/ogg");
			case "video/ogg" -> detected.equals("application/ogg") || detected.equals("video/theora");
			case "video/webm" -> detected.equals("video/x-matroska") || detected.equals("application/x-matroska")
					|| detected.equals("audio/webm");
			case "audio/mp4" -> detected.equals("video/mp4") || detected.equals("audio/x-m4a") || detected.equals("video/quicktime");
			case "video/mp4" -> detected.equals("video/quicktime") || detected.equals("video/x-m4v");
			case "audio/webm" -> detected.equals("video/webm") || detected.equals("application/x-matroska");
			case "audio/wav" -> detected.equals("audio/vnd.wave") || detected.equals("audio/x-wav");
			default -> false;
		};
	}

	/**
	 * The name without any folders a browser or client sent along. Control characters are refused: they have no place
	 * in a file name and would end up in Content-Disposition headers.
	 */
	private static String baseName(@Nullable String fileName) {
		var name = fileName == null ? "" : fileName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw new UnsupportedMediaException("catalog.refused.file-name-may-not-contain-control");
		}
		return name;
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// A leftover file without a row is never served; only its disk space is lost.
		}
	}

	/** Copies at most {@code limit} bytes; answers -1 when there were more. */
	private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
		try (var out = Files.newOutputStream(target)) {
			var buffer = new byte[64 * 1024];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > limit) {
					return -1;
				}
				out.write(buffer, 0, n);
			}
			return total;
		}
	}

}
