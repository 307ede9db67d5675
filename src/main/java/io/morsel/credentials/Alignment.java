package io.morsel.credentials;

import io.morsel.shared.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Where an achievement sits in a framework outside Morsel (Open Badges' Alignment): the framework item's name, its
 * address and, where the framework has one, its code.
 */
public record Alignment(String name, String url, @Nullable String code) {

	public Alignment {
		if (name == null || name.isBlank() || name.length() > 120) {
			throw new InvalidValueException("credentials.refused.alignment-needs-name-most-120-characters");
		}
		if (url == null || !isWebAddress(url)) {
			throw new InvalidValueException("credentials.refused.alignment-s-url-must-absolute-http");
		}
		if (code != null && (code.isBlank() || code.length() > 60)) {
			throw new InvalidValueException("credentials.refused.alignment-s-code-when-given-has");
		}
		name = name.strip();
	}

	private static boolean isWebAddress(String url) {
		if (url.length() > 500) {
			return false;
		}
		try {
			var uri = new URI(url);
			return uri.isAbsolute() && uri.getHost() != null
					&& ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
		}
		catch (URISyntaxException e) {
			return false;
		}
	}
}
