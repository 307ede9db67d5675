package io.morsel.credentials;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.Role;
import io.morsel.shared.InertImages;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badge images: an achievement's image (the one its author uploaded, or else drawn from the template in the
 * organisation's colours), and a credential's image with the credential baked in ({@link BakedImages}), as PNG and as
 * SVG. A baked PNG starts from an uploaded PNG, a baked SVG from an uploaded SVG; otherwise from the drawn badge.
 */
@Service
public class Badges {

	/** An uploaded badge image is at most this long. */
	static final int MAX_IMAGE_BYTES = 256 * 1024;

	/** An image and its media type. */
	public record Badge(String mediaType, byte[] content) {
	}

	private final Achievements achievements;
	private final Directory directory;
	private final JdbcClient jdbc;
	private final Clock clock;

	Badges(Achievements achievements, Directory directory, JdbcClient jdbc, Clock clock) {
		this.achievements = achievements;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * An author or admin gives an achievement of their organisation an image of its own, in place of the drawn one:
	 * a PNG, or an SVG without scripts or outside references, of at most 256 KB ({@link UnusableImageException}
	 * otherwise). Credentials already issued point to the same address, so they show the new image too.
	 */
	@Transactional
	public Badge upload(CurrentMember author, AchievementId id, byte[] content) {
		if (!author.has(Role.AUTHOR) && !author.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only authors and admins change an achievement's image");
		}
		achievements.find(author.organisationId(), id)
			.orElseThrow(() -> new NotFoundException("not-found.achievement"));
		var mediaType = InertImages.check(content, MAX_IMAGE_BYTES);
		jdbc.sql("DELETE FROM achievement_images WHERE achievement_id = :id").param("id", id.value()).update();
		jdbc.sql("""
				INSERT INTO achievement_images (achievement_id, media_type, content, uploaded_at)
				VALUES (:id, :mediaType, :content, :now)
				""")
			.param("id", id.value())
			.param("mediaType", mediaType)
			.param("content", content)
			.param("now", Timestamps.of(clock.instant()))
			.update();
		return new Badge(mediaType, content);
	}

	/** The achievement's image, public. */
	@Transactional(readOnly = true)
	public Badge image(AchievementId id) {
		var uploaded = uploaded(id);
		if (uploaded.isPresent()) {
			return uploaded.get();
		}
		var achievement = achievement(id);
		var organisation = directory.profile(achievement.organisationId()).orElseThrow();
		return new Badge(InertImages.SVG, AchievementImages.svg(achievement.name(), organisation.name(),
				organisation.slug()).getBytes(StandardCharsets.UTF_8));
	}

	/** The award's badge as a PNG with its credential baked in. */
	@Transactional(readOnly = true)
	public byte[] bakedPng(Award award) {
		var uploaded = uploaded(award.achievementId()).filter(b -> b.mediaType().equals(InertImages.PNG));
		if (uploaded.isPresent()) {
			return BakedImages.png(uploaded.get().content(), award.credential());
		}
		var achievement = achievement(award.achievementId());
		var organisation = directory.profile(achievement.organisationId()).orElseThrow();
		return BakedImages.png(AchievementImages.png(achievement.name(), organisation.slug()), award.credential());
	}

	/** The award's badge as an SVG document with its credential baked in. */
	@Transactional(readOnly = true)
	public String bakedSvg(Award award) {
		var uploaded = uploaded(award.achievementId()).filter(b -> b.mediaType().equals(InertImages.SVG));
		if (uploaded.isPresent()) {
			return BakedImages.svg(new String(uploaded.get().content(), StandardCharsets.UTF_8), award.credential());
		}
		var achievement = achievement(award.achievementId());
		var organisation = directory.profile(achievement.organisationId()).orElseThrow();
		return BakedImages.svg(AchievementImages.svg(achievement.name(), organisation.name(), organisation.slug()),
				award.credential());
	}

	private Optional<Badge> uploaded(AchievementId id) {
		return jdbc.sql("SELECT media_type, content FROM achievement_images WHERE achievement_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new Badge(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	private Achievement achievement(AchievementId id) {
		return achievements.organisationOf(id)
			.flatMap(organisation -> achievements.find(organisation, id))
			.orElseThrow(() -> new NotFoundException("not-found.achievement"));
	}
}
