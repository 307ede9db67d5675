package io.morsel.catalog.api;

import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.PlayableLesson;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lessons", description = "Micro-lessons: authors write and publish them; learners get the published ones")
class LessonApi {

	private final Lessons lessons;

	LessonApi(Lessons lessons) {
		this.lessons = lessons;
	}

	/** A version as authors see it, answer key included. */
	record AuthorView(UUID id, int version, boolean published, Instant savedAt, @Nullable Instant publishedAt,
			LessonContent content) {

		static AuthorView of(LessonVersion v) {
			return new AuthorView(v.lessonId().value(), v.version(), v.published(), v.savedAt(), v.publishedAt(),
					v.content());
		}
	}

	@GetMapping("/api/v1/lessons")
	@Operation(summary = "The lessons the caller may see: authors all of the organisation's, learners the published ones")
	List<LessonSummary> list(@AuthenticationPrincipal CurrentMember me) {
		return me.has(Role.AUTHOR) ? lessons.all(me.organisationId()) : lessons.published(me.organisationId());
	}

	@GetMapping("/api/v1/lessons/{id}")
	@Operation(summary = "The published version of a lesson as learners take it, without the answer key")
	PlayableLesson one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return lessons.latestPublished(me.organisationId(), new LessonId(id))
			.map(PlayableLesson::of)
			.orElseThrow(() -> new NotFoundException("Lesson"));
	}

	@GetMapping("/api/v1/lessons/{id}/draft")
	@Operation(summary = "For authors: the version being worked on (the draft, else the published one), answer key included")
	AuthorView latest(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		requireAuthor(me);
		return lessons.latest(me.organisationId(), new LessonId(id))
			.map(AuthorView::of)
			.orElseThrow(() -> new NotFoundException("Lesson"));
	}

	@PostMapping("/api/v1/lessons")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "For authors: create a lesson (also the import of an exported lesson); its first version is a draft")
	AuthorView create(@AuthenticationPrincipal CurrentMember me, @RequestBody LessonContent content) {
		requireAuthor(me);
		return AuthorView.of(lessons.create(me, content));
	}

	@PutMapping("/api/v1/lessons/{id}/draft")
	@Operation(summary = "For authors: save the draft (opens a new one after a published version, which never changes)")
	AuthorView saveDraft(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestBody LessonContent content) {
		requireAuthor(me);
		return AuthorView.of(lessons.saveDraft(me, new LessonId(id), content));
	}

	@PostMapping("/api/v1/lessons/{id}/publish")
	@Operation(summary = "For authors: publish the draft")
	AuthorView publish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		requireAuthor(me);
		return AuthorView.of(lessons.publish(me, new LessonId(id)));
	}

	@GetMapping("/api/v1/lessons/{id}/export")
	@Operation(summary = "For authors: the lesson's latest version in the lesson format (docs/lesson-format.md)")
	ResponseEntity<LessonContent> export(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		requireAuthor(me);
		var version = lessons.latest(me.organisationId(), new LessonId(id))
			.orElseThrow(() -> new NotFoundException("Lesson"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lesson-" + id + ".json\"")
			.body(version.content());
	}

	private static void requireAuthor(CurrentMember me) {
		if (!me.has(Role.AUTHOR)) {
			throw new AccessDeniedException("Only authors manage lessons");
		}
	}
}
