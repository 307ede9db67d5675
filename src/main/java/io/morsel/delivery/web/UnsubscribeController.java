package io.morsel.delivery.web;

import io.morsel.delivery.Unsubscribes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link in a nudge mail's footer: a page with one button, for people (a GET must change nothing, as
 * link checkers and previews follow links). Mail programs use the one-click POST of the API instead (RFC 8058).
 */
@Controller
class UnsubscribeController {

	private static final String VIEW = "delivery/unsubscribe";

	private final Unsubscribes unsubscribes;

	UnsubscribeController(Unsubscribes unsubscribes) {
		this.unsubscribes = unsubscribes;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		unsubscribes.check(token);
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return VIEW;
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		unsubscribes.unsubscribe(token);
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return VIEW;
	}
}
