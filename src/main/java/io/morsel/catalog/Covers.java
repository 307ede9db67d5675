package io.morsel.catalog;

import io.morsel.identity.Brands;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InertImages;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import io.morsel.shared.UnusableImageException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programs' and lessons' covers: the image an author uploaded (a PNG, JPEG, WebP or inert SVG of at most
 * {@link #MAX_BYTES}, checked by {@link InertImages#checkPicture}), or else a pattern drawn from the id in the
 * organisation's brand colours ({@link CoverPattern}). A lesson's cover belongs to one of its versions, since a
 * published version never changes: it is uploaded to the draft. A cover's address carries its version (the upload's,
 * or the brand's for a pattern), so that browsers keep it for a year and fetch it again only once it changed.
 */
@Service
public class Covers {

	/** A cover is at most this long: it is shown on a card; and it fits under the API's body limit. */
	public static final int MAX_BYTES = 200 * 1024;

	/** Morsel's own colours (static/css/morsel.css), for an organisation that chose none. */
	private static final String MORSEL_PRIMARY = "#1f5f8b";
	private static final String MORSEL_DARK = "#154463";
	private static final String SVG = "image/svg+xml";

	/** A cover's bytes and media type. */
	public record Cover(String mediaType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Programs programs;
	private final ProgramOutlines outlines;
	private final Brands brands;

	Covers(JdbcClient jdbc, Clock clock, Programs programs, ProgramOutlines outlines, Brands brands) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.programs = programs;
		this.outlines = outlines;
		this.brands = brands;
	}

	/**
	 * Replaces the program's cover with the image; a refused image changes nothing.
	 * @throws InvalidValueException when it is not a picture Morsel shows, or too large
	 * @throws NotFoundException when the organisation has no such program
	 */
	@Transactional
	public Program replace(OrganisationId organisation, ProgramId id, byte[] content) {
		existing(organisation, id);
		var mediaType = checked(content);
		jdbc.sql("DELETE FROM program_covers WHERE program_id = :id").param("id", id.value()).update();
		jdbc.sql("""
				INSERT INTO program_covers (program_id, image, media_type, changed_at)
				VALUES (:id, :image, :type, :now)
				""")
			.param("id", id.value())
			.param("image", content)
			.param("type", mediaType)
			.param("now", Timestamps.of(clock.instant()))
			.update();
		outlines.changed(organisation);
		return existing(organisation, id);
	}

	/** Removes the program's uploaded cover: it shows its pattern again. */
	@Transactional
	public Program remove(OrganisationId organisation, ProgramId id) {
		existing(organisation, id);
		jdbc.sql("DELETE FROM program_covers WHERE program_id = :id").param("id", id.value()).update();
		outlines.changed(organisation);
		return existing(organisation, id);
	}

	/**
	 * The program's cover as its members see it: the uploaded image, or its pattern.
	 * @throws NotFoundException when the organisation has no such program (another organisation's included)
	 */
	@Transactional(readOnly = true)
	public Cover of(OrganisationId organisation, ProgramId id) {
		existing(organisation, id);
		return jdbc.sql("SELECT media_type, image FROM program_covers WHERE program_id = :id")
			.param("id", id.value())
			.query((rs, row) -> new Cover(rs.getString("media_type"), rs.getBytes("image")))
			.optional()
			.orElseGet(() -> patternCover(organisation, id.value()));
	}

	/** The address of the program's cover, versioned by what it shows. */
	public String path(OrganisationId organisation, Program program) {
		var version = program.hasUploadedCover() ? "u" + program.coverVersion()
				: "p" + brands.of(organisation).version();
		return "/covers/programs/" + program.id().value() + "?v=" + version;
	}

	/**
	 * Replaces the cover of the lesson's draft with the image: learners see it once the draft is published. A refused
	 * image changes nothing.
	 * @throws InvalidValueException when it is not a picture Morsel shows, or too large
	 * @throws ConflictException when the lesson has no draft
	 * @throws NotFoundException when the organisation has no such lesson
	 */
	@Transactional
	public void replaceDraftCover(OrganisationId organisation, LessonId id, byte[] content) {
		var draft = draft(organisation, id);
		var mediaType = checked(content);
		jdbc.sql("DELETE FROM lesson_covers WHERE lesson_id = :id AND version = :version")
			.param("id", id.value())
			.param("version", draft)
			.update();
		jdbc.sql("""
				INSERT INTO lesson_covers (lesson_id, version, image, media_type, changed_at)
				VALUES (:id, :version, :image, :type, :now)
				""")
			.param("id", id.value())
			.param("version", draft)
			.param("image", content)
			.param("type", mediaType)
			.param("now", Timestamps.of(clock.instant()))
			.update();
	}

	/** Removes the cover of the lesson's draft: once published, the lesson shows its pattern. */
	@Transactional
	public void removeDraftCover(OrganisationId organisation, LessonId id) {
		jdbc.sql("DELETE FROM lesson_covers WHERE lesson_id = :id AND version = :version")
			.param("id", id.value())
			.param("version", draft(organisation, id))
			.update();
	}

	/**
	 * The cover of one version of the lesson as the organisation's members see it: the uploaded image, or the pattern.
	 * @throws NotFoundException when the organisation has no such lesson or version
	 */
	@Transactional(readOnly = true)
	public Cover of(OrganisationId organisation, LessonId id, int version) {
		var exists = jdbc.sql("""
				SELECT COUNT(*)
				FROM lesson_versions
				WHERE lesson_id = :id
				  AND version = :version
				  AND organisation_id = :organisation
				""")
			.param("id", id.value())
			.param("version", version)
			.param("organisation", organisation.value())
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			throw new NotFoundException("not-found.lesson");
		}
		return jdbc.sql("SELECT media_type, image FROM lesson_covers WHERE lesson_id = :id AND version = :version")
			.param("id", id.value())
			.param("version", version)
			.query((rs, row) -> new Cover(rs.getString("media_type"), rs.getBytes("image")))
			.optional()
			.orElseGet(() -> patternCover(organisation, id.value()));
	}

	/**
	 * The addresses of the covers of these versions of the organisation's lessons (for each lesson, the version its
	 * readers see), in one query.
	 */
	@Transactional(readOnly = true)
	public Map<LessonId, String> paths(OrganisationId organisation, Map<LessonId, Integer> versions) {
		if (versions.isEmpty()) {
			return Map.of();
		}
		var uploaded = new HashMap<LessonId, Long>();
		jdbc.sql("""
				SELECT c.lesson_id, c.version, c.changed_at
				FROM lesson_covers c
				JOIN lessons l ON l.id = c.lesson_id
				WHERE l.organisation_id = :organisation
				  AND c.lesson_id IN (:ids)
				""")
			.param("organisation", organisation.value())
			.param("ids", versions.keySet().stream().map(LessonId::value).toList())
			.query((rs, row) -> {
				var lesson = new LessonId(rs.getObject(1, UUID.class));
				if (versions.get(lesson) == rs.getInt(2)) {
					uploaded.put(lesson, rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli());
				}
				return lesson;
			})
			.list();
		var paths = new HashMap<LessonId, String>();
		versions.forEach((lesson, version) -> paths.put(lesson,
				path(organisation, lesson, version, uploaded.getOrDefault(lesson, 0L))));
		return paths;
	}

	/** The address of this version's cover, versioned by what it shows; no query (the brand is kept). */
	public String path(OrganisationId organisation, LessonVersion version) {
		return path(organisation, version.lessonId(), version.version(), version.coverVersion());
	}

	/**
	 * The address of a lesson version's cover, versioned by what it shows; no query (the brand is kept).
	 * @param coverVersion when the version's cover was uploaded (epoch milliseconds), 0 when it shows its pattern
	 */
	public String path(OrganisationId organisation, LessonId lesson, int version, long coverVersion) {
		return "/covers/lessons/" + lesson.value() + "/" + version + "?v="
				+ (coverVersion > 0 ? "u" + coverVersion : "p" + brands.of(organisation).version());
	}

	/** A cover's version is the time it was uploaded, so a new upload has a new address; 0 is no upload. */
	static long version(@Nullable OffsetDateTime changed) {
		return changed == null ? 0 : changed.toInstant().toEpochMilli();
	}

	/** The pattern a program or lesson shows without an upload, in the organisation's colours. */
	String pattern(OrganisationId organisation, UUID id) {
		var colours = brands.of(organisation).colours();
		var primary = colours.primary() == null ? MORSEL_PRIMARY : colours.primary().hex();
		var dark = colours.primaryDark() == null ? MORSEL_DARK : colours.primaryDark().hex();
		// Without an accent the pages' accent is the primary colour itself, which would not show on it: white does.
		var accent = colours.accent() == null ? "#ffffff" : colours.accent().hex();
		return CoverPattern.svg(id, primary, dark, accent);
	}

	private Cover patternCover(OrganisationId organisation, UUID id) {
		return new Cover(SVG, pattern(organisation, id).getBytes(StandardCharsets.UTF_8));
	}

	/** The cover's media type, once it passes the rules of pictures. */
	private static String checked(byte[] content) {
		try {
			return InertImages.checkPicture(content, MAX_BYTES);
		}
		catch (UnusableImageException unusable) {
			// A cover is one of the details an author sends, refused like the others: 400, with the same words.
			throw new InvalidValueException(String.valueOf(unusable.getDetailMessageCode()),
					unusable.getDetailMessageArguments());
		}
	}

	/** The number of the lesson's draft. */
	private int draft(OrganisationId organisation, LessonId id) {
		var draft = jdbc.sql("SELECT draft_version FROM lessons WHERE id = :id AND organisation_id = :organisation")
			.param("id", id.value())
			.param("organisation", organisation.value())
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Integer.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
		return draft.orElseThrow(() -> new ConflictException("catalog.refused.lesson-cover-needs-draft"));
	}

	private Program existing(OrganisationId organisation, ProgramId id) {
		return programs.find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
	}
}
