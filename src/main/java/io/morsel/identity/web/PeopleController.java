package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.internal.Memberships;
import io.morsel.shared.NotFoundException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The people of the current organisation; anyone else's page is not found. */
@Controller
class PeopleController {

	private final Memberships memberships;

	PeopleController(Memberships memberships) {
		this.memberships = memberships;
	}

	@GetMapping("/people")
	String list(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("people", memberships.people(me.organisationId()));
		return "identity/people";
	}

	@GetMapping("/people/{id}")
	String show(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		model.addAttribute("person", memberships.person(me.organisationId(), new MemberId(id))
			.orElseThrow(() -> new NotFoundException("Person")));
		return "identity/person";
	}
}
