package io.morsel.credentials.web;

import io.morsel.credentials.AchievementId;
import io.morsel.credentials.Badges;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An achievement's badge image, public: every credential of it points here. The address says {@code .svg} because
 * credentials signed before uploads name it; the media type says what the image is.
 */
@Controller
class AchievementImageController {

	private final Badges badges;

	AchievementImageController(Badges badges) {
		this.badges = badges;
	}

	@GetMapping("/credentials/achievements/{id}/image.svg")
	ResponseEntity<byte[]> image(@PathVariable UUID id) {
		var badge = badges.image(new AchievementId(id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(badge.mediaType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.body(badge.content());
	}
}
