package io.morsel.authoring.api;

import io.morsel.authoring.LessonEstimate;
import io.morsel.authoring.LessonWarning;
import io.morsel.authoring.Workbench;
import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.LessonVersion;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The author's side of the lessons; what learners read stays with the catalog. */
@RestController
@Tag(name = "Lessons", description = "Micro-lessons: authors write and publish them; learners get the published ones")
class LessonAuthoringApi {

	private final Workbench workbench;

	LessonAuthoringApi(Workbench workbench) {
		this.workbench = workbench;
	}

	/**
	 * A version as authors see it, answer key included, with the warnings the studio's editor shows and how long a
	 * learner takes over it.
	 */
	record AuthorView(UUID id, int version, boolean published, Instant savedAt, @Nullable Instant publishedAt,
			LessonContent content, List<LessonWarning> warnings, LessonEstimate estimate) {
	}

	@GetMapping("/api/v1/lessons/{id}/draft")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: the version being worked on (the draft, else the published one), answer key included")
	AuthorView latest(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return view(me, workbench.latest(me, new LessonId(id)));
	}

	@PostMapping("/api/v1/lessons")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: create a lesson (also the import of an exported lesson); its first version is a draft")
	AuthorView create(@AuthenticationPrincipal CurrentMember me, @RequestBody LessonContent content) {
		return view(me, workbench.create(me, content));
	}

	@PutMapping("/api/v1/lessons/{id}/draft")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: save the draft (opens a new one after a published version, which never changes)")
	AuthorView saveDraft(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestBody LessonContent content) {
		return view(me, workbench.saveDraft(me, new LessonId(id), content));
	}

	@PutMapping(path = "/api/v1/lessons/{id}/draft/cover", consumes = { "image/png", "image/jpeg", "image/webp",
			"image/svg+xml" })
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.BAD_REQUEST, when = "The image is not a PNG, JPEG, WebP or inert SVG image, or is "
			+ "larger than " + Covers.MAX_BYTES / 1024 + " KB or 2048 pixels a side (/problems/validation); nothing "
			+ "is stored")
	@Refuses(value = HttpStatus.CONTENT_TOO_LARGE, when = "Over the API's body limit of 256 KB")
	@Operation(summary = "For authors: replace the cover of the lesson's draft with the image in the body (PNG, JPEG, "
			+ "WebP, or an SVG without scripts, handlers or outside references), opening a draft after a published "
			+ "version, which keeps its own. Learners see it once the draft is published; without one, a pattern in "
			+ "the organisation's colours. Answers the draft")
	AuthorView replaceCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestBody byte[] image) {
		return view(me, workbench.replaceCover(me, new LessonId(id), image));
	}

	@DeleteMapping("/api/v1/lessons/{id}/draft/cover")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: remove the cover of the lesson's draft (opening one after a published version); "
			+ "once published, the lesson shows the pattern in the organisation's colours")
	AuthorView removeCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return view(me, workbench.removeCover(me, new LessonId(id)));
	}

	@PostMapping("/api/v1/lessons/{id}/publish")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The lesson has no draft to publish, or the draft breaks a publishing "
			+ "rule (/problems/not-publishable, with the rules broken as reasons): nothing assesses its objective, or "
			+ "the objective is vague or double where the organisation's policy blocks those")
	@Operation(summary = "For authors: publish the draft (or an unpublished lesson again). With significant=true the "
			+ "version changes what the lesson teaches: learners who completed an earlier one are offered it; a minor "
			+ "version (the default) bothers nobody")
	AuthorView publish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean significant) {
		return view(me, workbench.publish(me, new LessonId(id), significant));
	}

	@PostMapping("/api/v1/lessons/{id}/unpublish")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The lesson is not published")
	@Operation(summary = "For authors: take a lesson down. Learners who have not started it no longer find it in "
			+ "programs or search; those who did keep their attempts")
	LessonSummary unpublish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.unpublish(me, new LessonId(id));
	}

	@PostMapping("/api/v1/lessons/{id}/archive")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The lesson is archived already")
	@Operation(summary = "For authors: archive a lesson. It leaves the catalog and search; learners' attempts and "
			+ "reports keep it")
	LessonSummary archive(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.archive(me, new LessonId(id));
	}

	@PostMapping("/api/v1/lessons/{id}/restore")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The lesson is not archived")
	@Operation(summary = "For authors: bring an archived lesson back as it was (published, unpublished or a draft)")
	LessonSummary restore(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.restore(me, new LessonId(id));
	}

	@DeleteMapping("/api/v1/lessons/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The lesson was published or is in a program (/problems/in-use, with "
			+ "what names it as references); archive it instead")
	@Operation(summary = "For authors: delete a lesson never published and in no program")
	void delete(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		workbench.delete(me, new LessonId(id));
	}

	@PostMapping("/api/v1/lessons/{id}/duplicate")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: a new draft lesson with this one's latest content, titled \"Copy of …\"")
	AuthorView duplicate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return view(me, workbench.duplicate(me, new LessonId(id)));
	}

	@GetMapping("/api/v1/lessons/{id}/export")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: the lesson's latest version in the lesson format (docs/lesson-format.md)")
	ResponseEntity<LessonContent> export(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		var content = workbench.export(me, new LessonId(id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lesson-" + id + ".json\"")
			.body(content);
	}

	private AuthorView view(CurrentMember me, LessonVersion v) {
		return new AuthorView(v.lessonId().value(), v.version(), v.published(), v.savedAt(), v.publishedAt(), v.content(),
				workbench.warnings(me, v.content()), workbench.estimate(me, v.content()));
	}
}
