package io.morsel.catalog.api;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Programs", description = "Ordered sets of lessons with a measurable business outcome")
class ProgramApi {

	private final Programs programs;

	ProgramApi(Programs programs) {
		this.programs = programs;
	}

	record NewProgram(@NotBlank @Size(max = 60) String slug, @NotBlank @Size(max = 120) @PlainText String title,
			@NotBlank @Size(max = 300) String outcome, @Size(max = 2000) @Nullable String description,
			boolean selfEnrol, @NotEmpty @Size(max = 100) List<UUID> lessons) {
	}

	record ProgramChanges(@NotBlank @Size(max = 120) @PlainText String title, @NotBlank @Size(max = 300) String outcome,
			@Size(max = 2000) @Nullable String description, @NotNull Boolean selfEnrol,
			@NotEmpty @Size(max = 100) List<@NotNull UUID> lessons) {
	}

	@PostMapping("/api/v1/programs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "For authors: create a program of the organisation's lessons, in order")
	Program create(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody NewProgram program) {
		if (!me.has(Role.AUTHOR)) {
			throw new AccessDeniedException("Only authors create programs");
		}
		return programs.create(me.organisationId(), program.slug(), program.title(), program.outcome(),
				program.description(), program.selfEnrol(), program.lessons().stream().map(LessonId::new).toList());
	}

	@PutMapping("/api/v1/programs/{id}")
	@Operation(summary = "For authors: change a program's title, outcome, description, self-enrolment and lessons, in "
			+ "order; the slug stays. Enrolments and learners' progress are kept")
	Program update(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@Valid @RequestBody ProgramChanges changes) {
		if (!me.has(Role.AUTHOR)) {
			throw new AccessDeniedException("Only authors change programs");
		}
		return programs.update(me.organisationId(), new ProgramId(id), changes.title(), changes.outcome(),
				changes.description(), changes.selfEnrol(), changes.lessons().stream().map(LessonId::new).toList());
	}
}
