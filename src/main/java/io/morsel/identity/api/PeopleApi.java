package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.identity.internal.Memberships;
import io.morsel.identity.internal.Memberships.Person;
import io.morsel.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People", description = "The members of the caller's organisation")
class PeopleApi {

	private final Memberships memberships;

	PeopleApi(Memberships memberships) {
		this.memberships = memberships;
	}

	record PersonView(UUID id, String name, String email, Set<Role> roles, Instant joinedAt) {

		static PersonView of(Person p) {
			return new PersonView(p.id().value(), p.name(), p.email(), p.roles(), p.joinedAt());
		}
	}

	@GetMapping("/api/v1/people")
	@Operation(summary = "Everyone in the caller's organisation")
	List<PersonView> list(@AuthenticationPrincipal CurrentMember me) {
		return memberships.people(me.organisationId()).stream().map(PersonView::of).toList();
	}

	@GetMapping("/api/v1/people/{id}")
	@Operation(summary = "One member of the caller's organisation; members of other organisations are not found")
	PersonView one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return memberships.person(me.organisationId(), new MemberId(id))
			.map(PersonView::of)
			.orElseThrow(() -> new NotFoundException("Person"));
	}
}
