package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.identity.internal.PersonalDataExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The caller")
class MeApi {

	private final PersonalDataExport export;

	MeApi(PersonalDataExport export) {
		this.export = export;
	}

	record Me(User user, Organisation organisation, Set<Role> roles, List<String> organisations) {
	}

	record User(UUID id, String email, String name, String timeZone, String language) {
	}

	record Organisation(UUID id, String slug, String name) {
	}

	@GetMapping("/api/v1/me/data")
	@Operation(summary = "Everything Morsel keeps about the caller, in the organisation the token acts in: the "
			+ "account, memberships, groups and tokens (never secrets) under 'identity', and each other module's "
			+ "part under 'modules', by the module's name")
	PersonalDataExport.Download data(@AuthenticationPrincipal CurrentMember me) {
		return export.of(me);
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The user, the organisation the token acts in, and the roles there")
	Me me(@AuthenticationPrincipal CurrentMember me) {
		return new Me(
				new User(me.userId().value(), me.email(), me.name(), me.zone().getId(), me.locale().toLanguageTag()),
				new Organisation(me.organisationId().value(), me.organisationSlug(), me.organisationName()),
				me.roles(), me.organisations().stream().map(CurrentMember.Affiliation::slug).toList());
	}
}
