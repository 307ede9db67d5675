package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.internal.PeopleInSight;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The people of the current organisation, as far as the member may see them ({@link PeopleInSight}); anyone else's
 * page is not found.
 */
@Controller
class PeopleController {

	private final PeopleInSight sight;

	PeopleController(PeopleInSight sight) {
		this.sight = sight;
	}

	@GetMapping("/people")
	String list(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("people", sight.people(me));
		return "identity/people";
	}

	@GetMapping("/people/{id}")
	String show(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		model.addAttribute("sighting", sight.person(me, new MemberId(id)));
		return "identity/person";
	}
}
