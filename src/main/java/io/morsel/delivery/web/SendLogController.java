package io.morsel.delivery.web;

import io.morsel.delivery.Sends;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.Member;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' send log: every nudge of the organisation, newest first, with its learner and channels. */
@Controller
class SendLogController {

	private final Sends sends;
	private final Directory directory;

	SendLogController(Sends sends, Directory directory) {
		this.sends = sends;
		this.directory = directory;
	}

	@GetMapping("/delivery/log")
	String log(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("sends", sends.log(me.organisationId(), 200));
		model.addAttribute("names", directory.people(me.organisationId())
			.stream()
			.collect(Collectors.toMap(m -> m.userId().value(), Member::name, (a, b) -> a)));
		return "delivery/log";
	}

	static String name(java.util.Map<UUID, String> names, UUID user) {
		return names.getOrDefault(user, "—");
	}
}
