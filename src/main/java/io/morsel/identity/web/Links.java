package io.morsel.identity.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links for emails, built from the request so they work behind any host name and proxy. */
final class Links {

	private Links() {
	}

	static String to(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}
}
