package io.morsel.web;

import io.morsel.identity.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exists only in the tests, under {@code /test-only}: a public page and a public API endpoint that a module other
 * than identity opens through its own {@link AccessRules}, as a credentials module will open its verification pages.
 */
@RestController
class TestOnlyEndpoints implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.permitAll("/test-only/open");
	}

	@Override
	public void api(Rules rules) {
		rules.permitAll(HttpMethod.POST, "/api/v1/test-only/open");
	}

	@GetMapping("/test-only/open")
	String openPage() {
		return "open to anyone";
	}

	@PostMapping("/api/v1/test-only/open")
	String openEndpoint() {
		return "open to anyone";
	}

	@GetMapping("/test-only/closed")
	String closedPage() {
		return "for members";
	}
}
