package io.morsel.catalog.web;

import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.identity.CurrentMember;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A program's or lesson's cover, for the members of its organisation (another organisation's program is not found). Its address
 * carries a version ({@link Covers#path}, {@link Covers#paths}), so browsers keep it a year; it is private to the member, an uploaded SVG
 * is kept inert by a sandboxing content security policy, and the declared type is the only one the browser may use.
 */
@Controller
class CoverController {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

	private final Covers covers;

	CoverController(Covers covers) {
		this.covers = covers;
	}

	@GetMapping("/covers/programs/{id}")
	ResponseEntity<byte[]> program(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return served(covers.of(me.organisationId(), new ProgramId(id)));
	}

	/** A lesson's cover belongs to one of its versions, which never changes once published. */
	@GetMapping("/covers/lessons/{id}/{version}")
	ResponseEntity<byte[]> lesson(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@PathVariable int version) {
		return served(covers.of(me.organisationId(), new LessonId(id), version));
	}

	private static ResponseEntity<byte[]> served(Covers.Cover cover) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(cover.mediaType()))
			.cacheControl(A_YEAR)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.body(cover.content());
	}
}
