package io.morsel.catalog.web;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.ProgramSights;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Serves a video's or audio's transcript as the WebVTT captions track of its player. */
@Controller
class TranscriptController {

	static final MediaType WEBVTT = new MediaType("text", "vtt", java.nio.charset.StandardCharsets.UTF_8);

	private final Lessons lessons;
	private final ProgramSights sights;

	TranscriptController(Lessons lessons, ProgramSights sights) {
		this.lessons = lessons;
		this.sights = sights;
	}

	/**
	 * Learners get published versions only, of the lessons they may see (a partner's: of the programs assigned or open
	 * to them); a published version never changes, so browsers may keep it.
	 */
	@GetMapping("/lessons/{lesson}/versions/{version}/transcripts/{index}.vtt")
	ResponseEntity<String> transcript(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID lesson,
			@PathVariable int version, @PathVariable int index) {
		if (!me.has(Role.AUTHOR) && !sights.of(me).sees(new LessonId(lesson))) {
			throw new NotFoundException("not-found.lesson");
		}
		var found = lessons.version(me.organisationId(), new LessonId(lesson), version)
			.filter(v -> v.published() || me.has(Role.AUTHOR))
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
		var blocks = found.content().blocks();
		if (index < 0 || index >= blocks.size()) {
			throw new NotFoundException("not-found.transcript");
		}
		var transcript = switch (blocks.get(index)) {
			case Block.Video video -> video.transcript();
			case Block.Audio audio -> audio.transcript();
			default -> throw new NotFoundException("not-found.transcript");
		};
		var caching = found.published() ? CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
				: CacheControl.noStore();
		return ResponseEntity.ok().contentType(WEBVTT).cacheControl(caching).body(transcript);
	}
}
