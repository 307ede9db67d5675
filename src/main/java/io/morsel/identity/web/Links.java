package io.morsel.identity.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links for emails, from the configured public address ({@code morsel.base-url}) and never from the
 * request: a Host or X-Forwarded-Host header is chosen by whoever sends the request, and a reset link pointing at
 * their host would hand them the secret.
 */
@Component
class Links {

	private final String base;

	Links(@Value("${morsel.base-url}") String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	String to(String path) {
		return base + path;
	}
}
