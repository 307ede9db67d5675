package io.morsel.catalog.api;

import io.morsel.catalog.NewSkill;
import io.morsel.catalog.Skill;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Skills", description = "The organisation's skills, which lessons are tagged with")
class SkillApi {

	private final Skills skills;

	SkillApi(Skills skills) {
		this.skills = skills;
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
}
