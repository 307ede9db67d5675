package io.morsel.catalog.web;

import io.morsel.catalog.Media;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.MediaLibrary;
import io.morsel.catalog.ProgramSights;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves the organisation's media to its members. A body of type {@link Resource} gets HTTP range requests from
 * Spring MVC (206 with Content-Range, 416 for a range past the end), so players can seek. Media never change under
 * their id, so browsers may keep them for a year and revalidate by ETag. A partner (ADR 0042) gets only the media of
 * the lessons they may see; any other is missing to them, as it would be by its lesson.
 */
@Controller
class MediaController {

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

	private final MediaLibrary library;
	private final Lessons lessons;
	private final ProgramSights sights;

	MediaController(MediaLibrary library, Lessons lessons, ProgramSights sights) {
		this.library = library;
		this.lessons = lessons;
		this.sights = sights;
	}

	// @ResponseBody changes nothing for a ResponseEntity; it lets the OpenAPI document list the API's path.
	@GetMapping({ "/media/{id}", "/api/v1/media/{id}" })
	@ResponseBody
	@Tag(name = "Media")
	@Operation(summary = "A file by its id, with range requests (206) and its ETag; a year's caching, as it never "
			+ "changes. A partner gets only the media of lessons they may see; any other is 404 like a missing one")
	ResponseEntity<Resource> media(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			WebRequest request) {
		var media = library.require(me.organisationId(), id);
		if (!me.has(Role.AUTHOR)) {
			var sight = sights.of(me);
			if (sight.narrowed() && !lessons.showMedia(me.organisationId(), sight.lessons(), id)) {
				throw new NotFoundException("not-found.media");
			}
		}
		var etag = "\"" + media.sha256() + "\"";
		if (request.checkNotModified(etag)) {
			// RFC 9110, 15.4.5: a 304 carries the Cache-Control a 200 would have, so the cached copy stays fresh.
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(IMMUTABLE).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(media.contentType()))
			.eTag(etag)
			.cacheControl(IMMUTABLE)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(media).toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(library.file(media.id())));
	}

	/** Documents download; images, video and audio show inline. */
	private static ContentDisposition disposition(Media media) {
		var builder = media.contentType().equals("application/pdf") ? ContentDisposition.attachment()
				: ContentDisposition.inline();
		return builder.filename(media.fileName(), StandardCharsets.UTF_8).build();
	}
}
