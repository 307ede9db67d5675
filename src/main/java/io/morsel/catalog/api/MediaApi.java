package io.morsel.catalog.api;

import io.morsel.catalog.Media;
import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Media", description = "Images, video, audio, transcripts and documents of lessons")
class MediaApi {

	private final MediaLibrary library;

	MediaApi(MediaLibrary library) {
		this.library = library;
	}

	@PostMapping(path = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: upload a file (field 'file'); it is checked by its content, not its name. "
			+ "GET /api/v1/media/{id} serves it, with range requests")
	Media upload(@AuthenticationPrincipal CurrentMember me, @RequestPart("file") MultipartFile file) throws IOException {
		if (!me.has(Role.AUTHOR)) {
			throw new AccessDeniedException("Only authors upload media");
		}
		if (file.isEmpty()) {
			throw new InvalidRequestException("catalog.refused.file-empty");
		}
		try (var in = file.getInputStream()) {
			return library.store(me, file.getOriginalFilename(), in);
		}
	}
}
