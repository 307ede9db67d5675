package io.morsel.credentials;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public addresses a credential names — its issuer, its achievement and image, its own page — from the configured
 * public address ({@code morsel.base-url}), never from the request: a signed credential keeps them for years.
 *
 * <p>An issuer is {@code did:web}: its DID document is at {@code /credentials/issuers/{slug}/did.json}, which the
 * did:web method resolves {@code did:web:<host>:credentials:issuers:<slug>} to (the port, if any, as {@code %3A}).
 */
@Component
public class PublicLinks {

	private final String base;
	private final String didPrefix;

	PublicLinks(@Value("${morsel.base-url}") String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		var uri = URI.create(this.base);
		var host = uri.getHost() + (uri.getPort() == -1 ? "" : "%3A" + uri.getPort());
		var path = uri.getPath() == null ? "" : uri.getPath().replace('/', ':');
		this.didPrefix = "did:web:" + host + path + ":credentials:issuers:";
	}

	public String base() {
		return base;
	}

	/** The organisation's issuer DID. */
	public String did(String slug) {
		return didPrefix + slug;
	}

	/** The organisation a DID of ours names, or null when the DID is not one of ours. */
	public @org.jspecify.annotations.Nullable String slugOf(String did) {
		if (!did.startsWith(didPrefix)) {
			return null;
		}
		var slug = did.substring(didPrefix.length());
		return slug.isEmpty() || slug.contains(":") ? null : slug;
	}

	public String issuerPage(String slug) {
		return base + "/credentials/issuers/" + encode(slug);
	}

	public String jwks(String slug) {
		return base + "/credentials/issuers/" + encode(slug) + "/jwks.json";
	}

	public String achievement(AchievementId id) {
		return base + "/credentials/achievements/" + id;
	}

	public String achievementImage(AchievementId id) {
		return base + "/credentials/achievements/" + id + "/image.svg";
	}

	public String credentialPage(UUID id) {
		return base + "/credentials/" + id;
	}

	/** A status list credential's public address. */
	public String statusList(UUID list) {
		return base + "/credentials/status/" + list;
	}

	/** The list a status list address of ours names, or null when the address is not one of ours. */
	public @org.jspecify.annotations.Nullable UUID statusListOf(String address) {
		var prefix = base + "/credentials/status/";
		if (!address.startsWith(prefix)) {
			return null;
		}
		try {
			return UUID.fromString(address.substring(prefix.length()));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8);
	}
}
