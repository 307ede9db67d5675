package io.morsel.identity.api;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.identity.internal.Erasure;
import io.morsel.identity.internal.Offboarding;
import io.morsel.identity.internal.Organisations;
import io.morsel.identity.internal.PeopleInSight;
import io.morsel.identity.internal.PeopleInSight.Sighting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import io.morsel.shared.Refuses;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People", description = "The members of the caller's organisation")
class PeopleApi {

	private final PeopleInSight sight;
	private final Organisations organisations;
	private final Offboarding offboarding;
	private final Erasure erasure;

	PeopleApi(PeopleInSight sight, Organisations organisations, Offboarding offboarding, Erasure erasure) {
		this.erasure = erasure;
		this.sight = sight;
		this.organisations = organisations;
		this.offboarding = offboarding;
	}

	/**
	 * A member as the caller may see them. Only the name when the caller sees names only (the organisation opened its
	 * directory's names); email, roles, joining date and status otherwise.
	 *
	 * @param active false once an admin deactivated the member
	 */
	record PersonView(UUID id, String name, @Nullable String email, @Nullable Set<Role> roles,
			@Nullable Instant joinedAt, @Nullable Boolean active) {

		static PersonView of(Sighting sighting) {
			var p = sighting.person();
			if (!sighting.full()) {
				return new PersonView(p.id().value(), p.name(), null, null, null, null);
			}
			return new PersonView(p.id().value(), p.name(), p.email(), p.roles(), p.joinedAt(), p.active());
		}
	}

	/** @param namesOpen whether every member sees the names (never the emails) of the organisation's members */
	record DirectorySettings(@NotNull Boolean namesOpen) {
	}

	@GetMapping("/api/v1/people")
	@Refuses(value = HttpStatus.FORBIDDEN,
			when = "The caller is neither admin nor manager, and the organisation did not open its directory's names")
	@Operation(summary = "The members the caller may see: admins everyone, with emails; managers the people of the "
			+ "groups they manage; others names only, once the organisation opened them")
	List<PersonView> list(@AuthenticationPrincipal CurrentMember me) {
		return sight.people(me).stream().map(PersonView::of).toList();
	}

	@GetMapping("/api/v1/people/{id}")
	@Operation(summary = "One member as the caller may see them; anyone outside what the caller sees (another "
			+ "organisation's member, someone outside a manager's groups, anyone but the caller while the directory "
			+ "is closed to them) is not found")
	PersonView one(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return PersonView.of(sight.person(me, new MemberId(id)));
	}

	@GetMapping("/api/v1/organisation/directory")
	@Operation(summary = "Whether members see each other's names (admins)")
	DirectorySettings directory(@AuthenticationPrincipal CurrentMember me) {
		return new DirectorySettings(organisations.directoryNamesOpen(me.organisationId()));
	}

	@PutMapping("/api/v1/organisation/directory")
	@Operation(summary = "Open the members' names to every member, or close them (admins); emails stay with admins "
			+ "and managers")
	DirectorySettings setDirectory(@AuthenticationPrincipal CurrentMember me,
			@Valid @RequestBody DirectorySettings settings) {
		organisations.setDirectoryNamesOpen(me.organisationId(), settings.namesOpen());
		return settings;
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

	/** @param name the pseudonym the person is known by from now on */
	record ErasedView(String name, String email) {
	}

	@PostMapping("/api/v1/people/{id}/erasure")
	@Refuses(value = HttpStatus.CONFLICT, when = "The caller names themselves, or the person also belongs to another "
			+ "organisation")
	@Operation(summary = "Erase a member on request (admins): their name and email become a pseudonym everywhere, "
			+ "their sessions, tokens and other identifying data go; what they learnt stays under the pseudonym")
	ErasedView erase(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		var erased = erasure.erase(me, new MemberId(id));
		return new ErasedView(erased.name(), erased.email());
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
