package io.morsel.identity;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.shared.Caches;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.Timestamps;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The video providers an organisation added beside YouTube and Vimeo, as origins ({@code https://video.example}):
 * every page of the organisation may frame them (the content security policy's {@code frame-src}), and its lessons may
 * link videos on them. Kept a few seconds on each node, since every page reads them.
 */
@Service
public class FrameOrigins {

	/** The players every organisation may frame: the privacy-enhanced ones of YouTube and Vimeo. */
	public static final List<String> BUILT_IN = List.of("https://www.youtube-nocookie.com", "https://player.vimeo.com");

	static final int MAX = 10;

	private static final Pattern HOST = Pattern.compile("(?=.{4,190}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Cache<OrganisationId, List<String>> added;

	FrameOrigins(JdbcClient jdbc, Clock clock, Caches caches) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.added = caches.named("frame-origins");
	}

	/** The origins the organisation added, in the order it listed them. */
	public List<String> added(OrganisationId organisation) {
		return added.get(organisation, this::read);
	}

	/** Whether the organisation's pages may frame this origin. */
	public boolean allows(OrganisationId organisation, String origin) {
		return BUILT_IN.contains(origin) || added(organisation).contains(origin);
	}

	/**
	 * Replaces the organisation's providers (admins only): each an https origin with no path, at most {@value #MAX}.
	 * YouTube's and Vimeo's players are always allowed and need no line.
	 */
	@Transactional
	public List<String> replace(CurrentMember admin, List<String> origins) {
		if (!admin.has(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException("Admins only");
		}
		var checked = new LinkedHashSet<String>();
		for (var line : origins) {
			if (!line.isBlank()) {
				checked.add(origin(line.strip()));
			}
		}
		checked.removeAll(BUILT_IN);
		if (checked.size() > MAX) {
			throw new InvalidValueException("identity.refused.organisation-adds-most-video-providers", MAX);
		}
		jdbc.sql("""
				DELETE FROM organisation_frame_origins
				WHERE organisation_id = :organisation
				""")
			.param("organisation", admin.organisationId().value())
			.update();
		var now = clock.instant();
		var order = 0;
		for (var origin : checked) {
			jdbc.sql("""
					INSERT INTO organisation_frame_origins (organisation_id, origin, added_at)
					VALUES (:organisation, :origin, :at)
					""")
				.param("organisation", admin.organisationId().value())
				.param("origin", origin)
				// One statement's clock for all: the order of the list is kept by microseconds.
				.param("at", Timestamps.of(now.plusNanos(1_000L * order++)))
				.update();
		}
		added.invalidate(admin.organisationId());
		return List.copyOf(checked);
	}

	/**
	 * An origin as a content security policy names it ({@code https://host[:port]}), from what an admin typed; anything
	 * else (http, a path, a wildcard, an address with a user) is refused with the rule.
	 */
	public static String origin(String typed) {
		URI uri;
		try {
			uri = new URI(typed);
		}
		catch (URISyntaxException e) {
			uri = null;
		}
		var refused = uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
				|| uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
				|| !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
				|| !HOST.matcher(uri.getHost().toLowerCase(Locale.ROOT)).matches();
		if (refused) {
			throw new InvalidValueException("identity.refused.not-video-provider-s-address-give", typed);
		}
		var port = uri.getPort() == -1 || uri.getPort() == 443 ? "" : ":" + uri.getPort();
		return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
	}

	private List<String> read(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT origin
				FROM organisation_frame_origins
				WHERE organisation_id = :organisation
				ORDER BY added_at, origin
				""")
			.param("organisation", organisation.value())
			.query(String.class)
			.list();
	}
}
