package io.morsel.catalog;

import io.morsel.identity.Brands;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.InertImages;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import io.morsel.shared.UnusableImageException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programs' covers: the image an author uploaded (a PNG, JPEG, WebP or inert SVG of at most {@link #MAX_BYTES},
 * checked by {@link InertImages#checkPicture}), or else a pattern drawn from the program's id in the organisation's
 * brand colours ({@link CoverPattern}). A cover's address carries its version (the upload's, or the brand's for a
 * pattern), so that browsers keep it for a year and fetch it again only once it changed.
 */
@Service
public class Covers {

	/** A cover is at most this long: it is shown on a card; and it fits under the API's body limit. */
	public static final int MAX_BYTES = 200 * 1024;

	/** Morsel's own colours (static/css/morsel.css), for an organisation that chose none. */
	private static final String MORSEL_PRIMARY = "#1f5f8b";
	private static final String MORSEL_DARK = "#154463";

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
		String mediaType;
		try {
			mediaType = InertImages.checkPicture(content, MAX_BYTES);
		}
		catch (UnusableImageException unusable) {
			// A cover is one of the details an author sends about a program, refused like the others: 400, same words.
			throw new InvalidValueException(String.valueOf(unusable.getDetailMessageCode()),
					unusable.getDetailMessageArguments());
		}
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
		return uploaded(id).orElseGet(() -> new Cover("image/svg+xml",
				pattern(organisation, id).getBytes(StandardCharsets.UTF_8)));
	}

	/** The address of the program's cover, versioned by what it shows. */
	public String path(OrganisationId organisation, Program program) {
		var version = program.hasUploadedCover() ? "u" + program.coverVersion()
				: "p" + brands.of(organisation).version();
		return "/covers/programs/" + program.id().value() + "?v=" + version;
	}

	/** The pattern the program shows without an upload, in the organisation's colours. */
	String pattern(OrganisationId organisation, ProgramId id) {
		var colours = brands.of(organisation).colours();
		var primary = colours.primary() == null ? MORSEL_PRIMARY : colours.primary().hex();
		var dark = colours.primaryDark() == null ? MORSEL_DARK : colours.primaryDark().hex();
		// Without an accent the pages' accent is the primary colour itself, which would not show on it: white does.
		var accent = colours.accent() == null ? "#ffffff" : colours.accent().hex();
		return CoverPattern.svg(id.value(), primary, dark, accent);
	}

	private Optional<Cover> uploaded(ProgramId id) {
		return jdbc.sql("SELECT media_type, image FROM program_covers WHERE program_id = :id")
			.param("id", id.value())
			.query((rs, row) -> new Cover(rs.getString("media_type"), rs.getBytes("image")))
			.optional();
	}

	private Program existing(OrganisationId organisation, ProgramId id) {
		return programs.find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
	}
}
