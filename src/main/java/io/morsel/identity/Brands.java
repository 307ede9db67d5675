package io.morsel.identity;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.shared.Caches;
import io.morsel.shared.InertImages;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's brand: the colours its admins chose ({@link BrandColours}, checked for contrast) and its logo (a
 * PNG or an inert SVG, {@link InertImages}). Every page reads the brand, so it is kept a few seconds on each node
 * ({@code morsel.caches.brands}); a change shows at once on the node that made it.
 */
@Service
public class Brands {

	/** A logo is at most this long: it is shown small, in the header of every page. */
	public static final int MAX_LOGO_BYTES = 256 * 1024;

	/** A logo and its media type. */
	public record Logo(String mediaType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Cache<OrganisationId, Brand> brands;

	Brands(JdbcClient jdbc, Clock clock, Caches caches) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.brands = caches.named("brands");
	}

	/** The organisation's brand, Morsel's own until an admin sets one. */
	public Brand of(OrganisationId organisation) {
		return brands.get(organisation, this::read);
	}

	/** Sets the organisation's colours (admins only); a null colour is Morsel's own. */
	@Transactional
	public Brand paint(CurrentMember admin, BrandColours colours) {
		requireAdmin(admin);
		var primary = colours.primary() == null ? null : colours.primary().hex();
		var accent = colours.accent() == null ? null : colours.accent().hex();
		var changed = ensureRow(admin.organisationId());
		jdbc.sql("""
				UPDATE organisation_brands
				SET primary_colour = :primary, accent_colour = :accent, changed_at = :now
				WHERE organisation_id = :organisation
				""")
			.param("primary", primary)
			.param("accent", accent)
			.param("now", changed)
			.param("organisation", admin.organisationId().value())
			.update();
		return forget(admin.organisationId());
	}

	/**
	 * Replaces the organisation's logo (admins only) with a PNG or an inert SVG of at most {@link #MAX_LOGO_BYTES};
	 * anything else is refused with {@link io.morsel.shared.UnusableImageException}.
	 */
	@Transactional
	public Brand replaceLogo(CurrentMember admin, byte[] content) {
		requireAdmin(admin);
		var mediaType = InertImages.check(content, MAX_LOGO_BYTES);
		var changed = ensureRow(admin.organisationId());
		jdbc.sql("""
				UPDATE organisation_brands
				SET logo = :logo, logo_type = :type, changed_at = :now
				WHERE organisation_id = :organisation
				""")
			.param("logo", content)
			.param("type", mediaType)
			.param("now", changed)
			.param("organisation", admin.organisationId().value())
			.update();
		return forget(admin.organisationId());
	}

	/** Removes the organisation's logo (admins only): the header shows Morsel's again. */
	@Transactional
	public Brand removeLogo(CurrentMember admin) {
		requireAdmin(admin);
		jdbc.sql("""
				UPDATE organisation_brands
				SET logo = NULL, logo_type = NULL, changed_at = :now
				WHERE organisation_id = :organisation
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("organisation", admin.organisationId().value())
			.update();
		return forget(admin.organisationId());
	}

	/** The organisation's logo, if it has one. */
	@Transactional(readOnly = true)
	public Optional<Logo> logo(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT logo_type, logo
				FROM organisation_brands
				WHERE organisation_id = :organisation
				  AND logo IS NOT NULL
				""")
			.param("organisation", organisation.value())
			.query((rs, row) -> new Logo(rs.getString("logo_type"), rs.getBytes("logo")))
			.optional();
	}

	private static void requireAdmin(CurrentMember member) {
		if (!member.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins change the organisation's brand");
		}
	}

	/** Makes the organisation's row if it has none; the time of this change. */
	private OffsetDateTime ensureRow(OrganisationId organisation) {
		var now = Timestamps.of(clock.instant());
		var exists = jdbc.sql("SELECT COUNT(*) FROM organisation_brands WHERE organisation_id = :organisation")
			.param("organisation", organisation.value())
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			jdbc.sql("""
					INSERT INTO organisation_brands (organisation_id, changed_at)
					VALUES (:organisation, :now)
					""")
				.param("organisation", organisation.value())
				.param("now", now)
				.update();
		}
		return now;
	}

	private Brand forget(OrganisationId organisation) {
		brands.invalidate(organisation);
		return of(organisation);
	}

	private Brand read(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT primary_colour, accent_colour, logo_type, changed_at
				FROM organisation_brands
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, row) -> new Brand(
					new BrandColours(colour(rs.getString("primary_colour")), colour(rs.getString("accent_colour"))),
					rs.getString("logo_type"),
					rs.getObject("changed_at", OffsetDateTime.class).toInstant().toEpochMilli()))
			.optional()
			.orElse(Brand.MORSEL);
	}

	private static @Nullable BrandColour colour(@Nullable String hex) {
		return hex == null ? null : new BrandColour(hex);
	}
}
