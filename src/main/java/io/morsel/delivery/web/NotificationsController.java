package io.morsel.delivery.web;

import io.morsel.delivery.Sends;
import io.morsel.identity.CurrentMember;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The learner's notification centre: their in-app nudges, newest first, with the unread ones marked, and their send
 * log (every nudge, whatever its channel). The unread count is a fragment that the page's badge polls.
 */
@Controller
class NotificationsController {

	static final String VIEW = "delivery/notifications";

	private final Sends sends;

	NotificationsController(Sends sends) {
		this.sends = sends;
	}

	@GetMapping("/notifications")
	String notifications(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("notifications", sends.notifications(me.organisationId(), me.userId(), 50));
		model.addAttribute("log", sends.log(me.organisationId(), me.userId(), 50));
		model.addAttribute("unread", sends.unread(me.organisationId(), me.userId()));
		return VIEW;
	}

	/** The unread count as a badge, for htmx to poll ({@code hx-trigger="every 30s"}). */
	@GetMapping("/notifications/count")
	String count(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("unread", sends.unread(me.organisationId(), me.userId()));
		return VIEW + " :: count";
	}

	/** Marks the notification read and opens what it brought. */
	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		return "redirect:" + sends.read(me.organisationId(), me.userId(), id).path();
	}

	@PostMapping("/notifications/read")
	String readAll(@AuthenticationPrincipal CurrentMember me) {
		sends.readAll(me.organisationId(), me.userId());
		return "redirect:/notifications";
	}
}
