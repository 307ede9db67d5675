package io.morsel.web;

import io.morsel.identity.AccessRules;
import io.morsel.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exists only in the tests, under {@code /test-only}: a public page and a public API endpoint that a module other
 * than identity opens through its own {@link AccessRules}, as a credentials module will open its verification pages;
 * and API endpoints that fail as a value refusing input and as a bug do, in a handler and while a body is read.
 */
@RestController
@Hidden // Not part of the API: the OpenAPI document, and the tests generated from it, leave it out.
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

	/** Refuses {@code "refused"} as a value object refuses input, and fails on {@code "bug"} as a bug would. */
	record Probe(String value) {

		Probe {
			fail(value);
		}
	}

	@GetMapping("/api/v1/test-only/values/{value}")
	String value(@PathVariable String value) {
		fail(value);
		return value;
	}

	@PostMapping("/api/v1/test-only/values")
	Probe value(@RequestBody Probe probe) {
		return probe;
	}

	private static void fail(String value) {
		if (value.equals("refused")) {
			throw new InvalidValueException("A probe must not be refused");
		}
		if (value.equals("bug")) {
			throw new IllegalArgumentException("Index 7 out of bounds in the probe's secret table");
		}
	}

	@GetMapping("/test-only/closed")
	String closedPage() {
		return "for members";
	}
}
