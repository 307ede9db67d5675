package io.morsel.catalog.api;

import io.morsel.catalog.NewSkill;
import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillCuration;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import java.util.List;
import org.springframework.http.HttpStatus;
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
@Tag(name = "Skills", description = "The organisation's skills, which lessons are tagged with")
class SkillApi {

	private final Skills skills;
	private final SkillCuration curation;

	SkillApi(Skills skills, SkillCuration curation) {
		this.skills = skills;
		this.curation = curation;
	}

	/** The skill that stays when another is merged into it. */
	record Merge(@NotNull UUID into) {
	}

	@GetMapping("/api/v1/skills")
	@Operation(summary = "The organisation's skills")
	List<Skill> list(@AuthenticationPrincipal CurrentMember me) {
		return skills.of(me.organisationId());
	}

	@PostMapping("/api/v1/skills")
	@ResponseStatus(HttpStatus.CREATED)
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author or an admin")
	@Refuses(value = HttpStatus.CONFLICT, when = "The organisation has a skill of this name already")
	@Operation(summary = "For authors and admins: add a skill")
	Skill add(@AuthenticationPrincipal CurrentMember me, @Valid @RequestBody NewSkill skill) {
		if (!me.has(Role.AUTHOR) && !me.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only authors and admins add skills");
		}
		return skills.add(me.organisationId(), skill.name(), skill.description(), skill.frameworkCode());
	}

	@PutMapping("/api/v1/skills/{id}")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author or an admin")
	@Refuses(value = HttpStatus.CONFLICT, when = "Another of the organisation's skills has this name")
	@Operation(summary = "For authors and admins: rename or describe a skill; lessons that name it are rewritten with "
			+ "the new name")
	Skill change(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @Valid @RequestBody NewSkill skill) {
		curating(me);
		return curation.change(me.organisationId(), new SkillId(id), skill.name(), skill.description(),
				skill.frameworkCode());
	}

	@PostMapping("/api/v1/skills/{id}/merge")
	@Refuses(value = HttpStatus.FORBIDDEN, when = "The caller is not an author or an admin")
	@Operation(summary = "For authors and admins: merge this skill into another, which is answered. Lessons, learners' "
			+ "mastery and achievements that named it name the other; this one is gone")
	Skill merge(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @Valid @RequestBody Merge merge) {
		curating(me);
		return curation.merge(me.organisationId(), new SkillId(id), new SkillId(merge.into()));
	}

	private static void curating(CurrentMember me) {
		if (!me.has(Role.AUTHOR) && !me.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only authors and admins change skills");
		}
	}
}
