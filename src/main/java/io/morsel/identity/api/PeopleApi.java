package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.identity.internal.Memberships;
import io.morsel.identity.internal.Memberships.Person;
import io.morsel.identity.internal.Offboarding;
import io.morsel.shared.Refuses;
import io.morsel.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People", description = "The members of the caller's organisation")
class PeopleApi {

	private final Memberships memberships;
	private final Offboarding offboarding;

	PeopleApi(Memberships memberships, Offboarding offboarding) {
		this.memberships = memberships;
		this.offboarding = offboarding;
	}

	/** @param active false once an admin deactivated the member */
	record PersonView(UUID id, String name, String email, Set<Role> roles, Instant joinedAt, boolean active) {

		static PersonView of(Person p) {
			return new PersonView(p.id().value(), p.name(), p.email(), p.roles(), p.joinedAt(), p.active());
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

	@PostMapping("/api/v1/people/{id}/deactivation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Refuses(value = HttpStatus.CONFLICT, when = "The caller names themselves")
	@Operation(summary = "Deactivate a member (admins): their sessions end and their tokens are refused at once, "
			+ "on every node; what they learnt stays")
	void deactivate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		offboarding.deactivate(me, new MemberId(id));
	}

	@DeleteMapping("/api/v1/people/{id}/deactivation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Refuses(value = HttpStatus.CONFLICT, when = "The caller names themselves")
	@Operation(summary = "Reactivate a deactivated member (admins): they may sign in again")
	void reactivate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		offboarding.reactivate(me, new MemberId(id));
	}

	@DeleteMapping("/api/v1/people/{id}/membership")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Refuses(value = HttpStatus.CONFLICT, when = "The caller names themselves")
	@Operation(summary = "Remove a member from the organisation (admins): their sessions there end and their tokens "
			+ "there are revoked at once; their account and what they learnt stay")
	void remove(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		offboarding.remove(me, new MemberId(id));
	}
}
