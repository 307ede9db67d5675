package io.morsel.credentials.web;

import io.morsel.credentials.AchievementId;
import io.morsel.credentials.AchievementImages;
import io.morsel.credentials.Achievements;
import io.morsel.identity.Directory;
import io.morsel.shared.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An achievement's badge image, public: every credential of it points here. */
@Controller
class AchievementImageController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final Achievements achievements;
	private final Directory directory;

	AchievementImageController(Achievements achievements, Directory directory) {
		this.achievements = achievements;
		this.directory = directory;
	}

	@GetMapping("/credentials/achievements/{id}/image.svg")
	ResponseEntity<String> image(@PathVariable UUID id) {
		var achievementId = new AchievementId(id);
		var organisation = achievements.organisationOf(achievementId)
			.flatMap(directory::profile)
			.orElseThrow(() -> new NotFoundException("Achievement"));
		var achievement = achievements.find(organisation.id(), achievementId)
			.orElseThrow(() -> new NotFoundException("Achievement"));
		return ResponseEntity.ok()
			.contentType(SVG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(AchievementImages.svg(achievement.name(), organisation.name(), organisation.slug()));
	}
}
