package io.morsel.learning.web;

import io.morsel.shared.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * How the player shows a lesson: one step at a time (the default on every screen size) or the whole lesson at once.
 * The learner's choice is a cookie of their browser, as it belongs to the device they read on (a phone and a wide
 * screen may differ), and costs no query.
 */
enum PlayerView {

	CARDS, WHOLE;

	/** The cookie keeping the choice. Not a secret: it only says how to lay out the page. */
	static final String COOKIE = "morsel-lesson-view";

	private static final Duration KEPT = Duration.ofDays(365);

	/** The view asked for in the address, else the one the browser keeps, else card by card. */
	static PlayerView of(@Nullable String asked, @Nullable String kept) {
		if (asked != null) {
			return parse(asked);
		}
		try {
			return kept == null ? CARDS : parse(kept);
		}
		catch (InvalidValueException ignored) {
			return CARDS; // A cookie edited by hand: not the learner's mistake to be told about.
		}
	}

	private static PlayerView parse(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "cards" -> CARDS;
			case "whole" -> WHOLE;
			default -> throw new InvalidValueException("learning.refused.view-cards-whole");
		};
	}

	/** Keeps this view for the browser's next lessons. */
	void keep(HttpServletRequest request, HttpServletResponse response) {
		var cookie = ResponseCookie.from(COOKIE, name().toLowerCase(Locale.ROOT))
			.path("/lessons")
			.maxAge(KEPT)
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	boolean whole() {
		return this == WHOLE;
	}
}
