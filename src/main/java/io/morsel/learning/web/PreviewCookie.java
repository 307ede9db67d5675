package io.morsel.learning.web;

import io.morsel.catalog.LessonId;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.SecretSeal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a {@link PreviewRun} between an author's requests in a cookie of their browser, sealed (AES-256-GCM under the
 * master key, through identity's {@link SecretSeal}) so that it is neither read nor forged, and bound to the author,
 * their organisation and the lesson, so that it is worth nothing anywhere else. Any node opens it; no table holds it.
 * Its path is the lesson's preview, so each draft has its own run and no other page receives it.
 */
@Component
class PreviewCookie {

	static final String NAME = "morsel-preview";

	/** Below the 4,096 bytes a browser keeps of one cookie, its name and attributes included. */
	static final int MAX_VALUE = 3_800;

	private static final Duration KEPT = Duration.ofDays(1);

	private final SecretSeal seal;
	private final JsonMapper json;

	PreviewCookie(SecretSeal seal, JsonMapper json) {
		this.seal = seal;
		this.json = json;
	}

	/** The run the cookie carries; none when there is no cookie, or one that does not open for this author and lesson. */
	PreviewRun read(CurrentMember author, LessonId lesson, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return PreviewRun.NONE;
		}
		var parts = value.split("\\.", 2);
		try {
			var decoder = Base64.getUrlDecoder();
			var sealed = new SecretSeal.Sealed(decoder.decode(parts[0]),
					new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
			return json.readValue(seal.unseal(purpose(author, lesson), sealed), PreviewRun.class);
		}
		// Another author's, another lesson's, edited, sealed under a retired master key, or of an older shape: the
		// preview starts afresh rather than refuse the author's page.
		catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException | JacksonException e) {
			return PreviewRun.NONE;
		}
	}

	/**
	 * Sets the cookie to {@code run}; a run too large for a cookie (many long written answers) is not kept, so the
	 * browser goes on with the run it had.
	 */
	void keep(CurrentMember author, LessonId lesson, PreviewRun run, HttpServletRequest request,
			HttpServletResponse response) {
		var sealed = seal.seal(purpose(author, lesson), json.writeValueAsBytes(run));
		var encoder = Base64.getUrlEncoder().withoutPadding();
		var value = encoder.encodeToString(sealed.bytes()) + "."
				+ encoder.encodeToString(sealed.sealedWith().getBytes(StandardCharsets.UTF_8));
		if (value.length() <= MAX_VALUE) {
			set(lesson, value, KEPT, request, response);
		}
	}

	/** Forgets the run: the preview starts again from the first step, nothing answered. */
	void clear(LessonId lesson, HttpServletRequest request, HttpServletResponse response) {
		set(lesson, "", Duration.ZERO, request, response);
	}

	private static void set(LessonId lesson, String value, Duration maxAge, HttpServletRequest request,
			HttpServletResponse response) {
		var cookie = ResponseCookie.from(NAME, value)
			.path(path(lesson))
			.maxAge(maxAge)
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	static String path(LessonId lesson) {
		return "/lessons/" + lesson.value() + "/preview";
	}

	private static String purpose(CurrentMember author, LessonId lesson) {
		return "learning.preview-run:" + author.organisationId().value() + ":" + author.userId().value() + ":"
				+ lesson.value();
	}
}
