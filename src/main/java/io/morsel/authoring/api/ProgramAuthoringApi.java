package io.morsel.authoring.api;

import io.morsel.authoring.OverwhelmWarning;
import io.morsel.authoring.ProgramDetails;
import io.morsel.authoring.ProgramWorkbench;
import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramModule;
import io.morsel.catalog.ProgramSlug;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.PlainText;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The author's side of the programs. Both answer the program as {@code GET /api/v1/programs/{id}} does, the
 * catalog's {@link Program}; what learners read (and their progress) stays with learning.
 */
@RestController
@Tag(name = "Programs", description = "Ordered sets of lessons with a measurable business outcome")
class ProgramAuthoringApi {

	private final ProgramWorkbench workbench;

	ProgramAuthoringApi(ProgramWorkbench workbench) {
		this.workbench = workbench;
	}

	/** The slug is checked by the studio's rule; without one, it is made from the title as the studio makes it. */
	record NewProgram(@Schema(pattern = ProgramSlug.PATTERN, maxLength = ProgramSlug.MAX_LENGTH) @Nullable String slug, @NotBlank @Size(max = 120) @PlainText String title,
			@NotBlank @Size(max = 300) String outcome, @Size(max = 2000) @Nullable String description,
			boolean selfEnrol, @NotEmpty @Size(max = 100) List<UUID> lessons,
			@Schema(description = WHY) @Size(max = Program.MAX_WHY) @Nullable String why) {
	}

	static final String WHY = "What learners read on why to take the program, beside its title; the business outcome "
			+ "is for managers";

	record ProgramChanges(@NotBlank @Size(max = 120) @PlainText String title, @NotBlank @Size(max = 300) String outcome,
			@Size(max = 2000) @Nullable String description, @NotNull Boolean selfEnrol,
			@NotEmpty @Size(max = 100) List<@NotNull UUID> lessons,
			@Schema(description = WHY + "; left out or null removes it") @Size(max = Program.MAX_WHY) @Nullable String why) {
	}

	@PostMapping("/api/v1/programs")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The organisation has a program with this slug already")
	@Operation(summary = "For authors: create a program of the organisation's lessons, in order; without a slug, one is "
			+ "made from the title (numbered when the organisation has it already)")
	Program create(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody NewProgram program) {
		return workbench.create(me, program.slug(),
				new ProgramDetails(program.title(), program.outcome(), program.description(), program.selfEnrol(),
						program.why()),
				lessons(program.lessons()));
	}

	@PutMapping("/api/v1/programs/{id}")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.PRECONDITION_REQUIRED, when = "No If-Match header (/problems/precondition-required)")
	@Refuses(value = HttpStatus.PRECONDITION_FAILED, when = "If-Match names no longer the program's revision: someone "
			+ "saved it since it was read (/problems/precondition-failed, with the current revision)")
	@Operation(summary = "For authors: change a program's title, outcome, description, self-enrolment and lessons, in "
			+ "order; the slug stays. Enrolments and learners' progress are kept. If-Match carries the ETag of "
			+ "GET /api/v1/programs/{id}; the answer carries the new one")
	ResponseEntity<Program> update(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ProgramChanges changes) {
		var current = workbench.program(me, new ProgramId(id));
		var revision = IfMatch.required(ifMatch).revisionFor(current.revision());
		var saved = workbench.change(me, new ProgramId(id), revision.isPresent() ? revision.getAsInt() : null,
				new ProgramDetails(changes.title(), changes.outcome(), changes.description(), changes.selfEnrol(),
						changes.why()),
				lessons(changes.lessons()));
		return ResponseEntity.ok().eTag(saved.etag()).body(saved);
	}

	@PutMapping(path = "/api/v1/programs/{id}/cover", consumes = { "image/png", "image/jpeg", "image/webp",
			"image/svg+xml" })
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.BAD_REQUEST, when = "The image is not a PNG, JPEG, WebP or inert SVG image, or is "
			+ "larger than " + Covers.MAX_BYTES / 1024 + " KB or 2048 pixels a side (/problems/validation); nothing "
			+ "is stored")
	@Refuses(value = HttpStatus.CONTENT_TOO_LARGE, when = "Over the API's body limit of 256 KB")
	@Operation(summary = "For authors: replace a program's cover with the image in the body (PNG, JPEG, WebP, or an "
			+ "SVG without scripts, handlers or outside references). What the image is, is read from its bytes. "
			+ "Without one, learners see a pattern in the organisation's colours")
	Program replaceCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestBody byte[] image) {
		return workbench.replaceCover(me, new ProgramId(id), image);
	}

	@DeleteMapping("/api/v1/programs/{id}/cover")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: remove a program's uploaded cover; learners see the pattern in the "
			+ "organisation's colours again")
	Program removeCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.removeCover(me, new ProgramId(id));
	}

	@PostMapping("/api/v1/programs/{id}/unpublish")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The program is not published")
	@Operation(summary = "For authors: take a program down. Learners not enrolled no longer see it, and nobody can join "
			+ "it or be assigned it; enrolled learners keep it and their progress")
	Program unpublish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.unpublish(me, new ProgramId(id));
	}

	@PostMapping("/api/v1/programs/{id}/publish")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The program is not unpublished (an archived one is restored first)")
	@Operation(summary = "For authors: offer an unpublished program again")
	Program publish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.publish(me, new ProgramId(id));
	}

	@PostMapping("/api/v1/programs/{id}/archive")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The program is archived already")
	@Operation(summary = "For authors: archive a program. It leaves every learner's catalog; learners' records, team "
			+ "reports and credentials keep it")
	Program archive(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.archive(me, new ProgramId(id));
	}

	@PostMapping("/api/v1/programs/{id}/restore")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "The program is not archived")
	@Operation(summary = "For authors: bring an archived program back as it was (published or unpublished)")
	Program restore(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return workbench.restore(me, new ProgramId(id));
	}

	@DeleteMapping("/api/v1/programs/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Refuses(value = HttpStatus.CONFLICT, when = "Something names the program: enrolments, achievements, delivery rules "
			+ "or settings (/problems/in-use, with them as references); archive it instead")
	@Operation(summary = "For authors: delete a program nothing names")
	void delete(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		workbench.delete(me, new ProgramId(id));
	}

	/** A module: the lesson it starts at, and its title. */
	record Module(@NotNull UUID firstLesson, @NotBlank @Size(max = ProgramModule.MAX_TITLE) @PlainText String title) {
	}

	/**
	 * The program's modules, in order, and the overwhelm guard's warning when the program has more lessons than the
	 * organisation allows without modules (with the modules it suggests), or null.
	 */
	record Modules(List<Module> modules, @Nullable OverwhelmWarning overwhelm) {
	}

	record ModuleChanges(@NotNull @Size(max = 100) List<@NotNull @Valid Module> modules) {
	}

	@GetMapping("/api/v1/programs/{id}/modules")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: a program's modules, and the overwhelm guard's warning with suggested modules")
	Modules modules(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return modules(me, new ProgramId(id), workbench.modules(me, new ProgramId(id)));
	}

	@PutMapping("/api/v1/programs/{id}/modules")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: replace a program's modules; each starts at one of its lessons and runs to the "
			+ "next module's first lesson")
	Modules replaceModules(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody ModuleChanges changes) {
		var replaced = workbench.replaceModules(me, new ProgramId(id), changes.modules()
			.stream()
			.map(m -> new ProgramModule(new LessonId(m.firstLesson()), m.title()))
			.toList());
		return modules(me, new ProgramId(id), replaced);
	}

	private Modules modules(CurrentMember me, ProgramId id, List<ProgramModule> modules) {
		return new Modules(modules.stream().map(m -> new Module(m.firstLesson().value(), m.title())).toList(),
				workbench.overwhelm(me, id).orElse(null));
	}

	private static List<LessonId> lessons(List<UUID> ids) {
		return ids.stream().map(LessonId::new).toList();
	}
}
