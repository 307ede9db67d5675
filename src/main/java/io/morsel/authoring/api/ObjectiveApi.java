package io.morsel.authoring.api;

import io.morsel.authoring.ObjectiveCheck;
import io.morsel.authoring.Workbench;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The objective linter for authors' own tools: what the studio shows while an objective is typed. */
@RestController
@Tag(name = "Objectives", description = "For authors: whether a learning objective can be measured and is only one")
class ObjectiveApi {

	private final Workbench workbench;

	ObjectiveApi(Workbench workbench) {
		this.workbench = workbench;
	}

	/** An objective to check, in the language of an ISO 639 code ({@code en} when not given). */
	record ObjectiveToCheck(@Nullable String objective, @Nullable String language) {
	}

	@PostMapping("/api/v1/objectives/check")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author")
	@Operation(summary = "For authors: check an objective (observable verb, level on Bloom's taxonomy, one objective); nothing is stored")
	ObjectiveCheck check(@AuthenticationPrincipal CurrentMember me, @RequestBody ObjectiveToCheck body) {
		return workbench.checkObjective(me, body.objective(), body.language());
	}
}
