package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A video a lesson links to instead of an uploaded file, played in the provider's own player in a frame. YouTube and
 * Vimeo links are recognised in every common form and played through their privacy-enhanced players (no cookies, no
 * tracking); any other https link is an organisation's own provider, framed as it is, which only an organisation
 * that added its origin may use ({@code identity.FrameOrigins}).
 */
public record HostedVideo(Provider provider, String id, String embedUrl) {

	/** The providers Morsel knows; every page may frame their players. */
	public enum Provider {
		YOUTUBE("https://www.youtube-nocookie.com"), VIMEO("https://player.vimeo.com"), ORGANISATION(null);

		private final @Nullable String frameOrigin;

		Provider(@Nullable String frameOrigin) {
			this.frameOrigin = frameOrigin;
		}

		/** The origin of the player's frame; null for an organisation's own provider, whose origin is its link's. */
		public @Nullable String frameOrigin() {
			return frameOrigin;
		}
	}

	private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
	private static final Pattern VIMEO_ID = Pattern.compile("[0-9]{1,12}");

	/** Reads a video link; a YouTube or Vimeo link without a video id in it, or any link but https, is refused. */
	public static HostedVideo parse(String url) {
		var uri = uri(url);
		var host = uri.getHost().toLowerCase(Locale.ROOT);
		var path = uri.getRawPath() == null ? "" : uri.getRawPath();
		return switch (host) {
			case "youtube.com",
					"www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com" ->
				youtube(path.equals("/watch") ? query(uri, "v") : afterPrefix(path, "/embed/", "/shorts/", "/live/"));
			case "youtu.be" -> youtube(afterPrefix(path, "/"));
			case "vimeo.com", "www.vimeo.com" -> vimeo(afterPrefix(path, "/"));
			case "player.vimeo.com" -> vimeo(afterPrefix(path, "/video/"));
			default -> new HostedVideo(Provider.ORGANISATION, url, url);
		};
	}

	/** The origin ({@code https://host[:port]}) that serves this video's frame. */
	public String frameOrigin() {
		var known = provider.frameOrigin();
		if (known != null) {
			return known;
		}
		return origin(uri(embedUrl));
	}

	/** The origin of a URL, as a content security policy names it: scheme, host and a port other than 443. */
	public static String origin(URI uri) {
		var port = uri.getPort() == -1 || uri.getPort() == 443 ? "" : ":" + uri.getPort();
		return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
	}

	private static HostedVideo youtube(@Nullable String id) {
		if (id == null || !YOUTUBE_ID.matcher(id).matches()) {
			throw new InvalidValueException("catalog.refused.youtube-link-names-no-video-use");
		}
		return new HostedVideo(Provider.YOUTUBE, id, "https://www.youtube-nocookie.com/embed/" + id);
	}

	private static HostedVideo vimeo(@Nullable String id) {
		if (id == null || !VIMEO_ID.matcher(id).matches()) {
			throw new InvalidValueException("catalog.refused.vimeo-link-names-no-video-use");
		}
		return new HostedVideo(Provider.VIMEO, id, "https://player.vimeo.com/video/" + id + "?dnt=1");
	}

	private static URI uri(@Nullable String url) {
		URI uri;
		try {
			uri = url == null || url.length() > 2000 ? null : new URI(url);
		}
		catch (URISyntaxException e) {
			uri = null;
		}
		if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
				|| uri.getRawUserInfo() != null) {
			throw new InvalidValueException("catalog.refused.video-link-must-https-address-such");
		}
		return uri;
	}

	private static @Nullable String afterPrefix(String path, String... prefixes) {
		for (var prefix : prefixes) {
			if (path.startsWith(prefix)) {
				var rest = path.substring(prefix.length());
				return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
			}
		}
		return null;
	}

	private static @Nullable String query(URI uri, String name) {
		var query = uri.getRawQuery();
		if (query == null) {
			return null;
		}
		for (var pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}
}
