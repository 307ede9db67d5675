package io.morsel.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.morsel.MorselIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys in a real browser: Debian's Chromium driven by Playwright against the application of the shared test
 * context. One browser per test class, a fresh browser context (cookies, storage) per test.
 */
@MorselIntegrationTest
abstract class BrowserTest {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MORSEL_CHROMIUM", "/usr/bin/chromium"));

	static final String PASSWORD = "morsel-demo";

	/** axe-core, downloaded by the build. */
	static final Path AXE = Path.of("target/axe/axe.min.js");

	private static Playwright playwright;
	private static Browser browser;

	@LocalServerPort
	int port;

	BrowserContext context;
	Page page;

	@BeforeAll
	static void launch() {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("The browser journeys need Chromium at " + CHROMIUM
					+ " (Debian package 'chromium'; .ci/run installs it) or MORSEL_CHROMIUM pointing at one");
		}
		playwright = Playwright.create();
		// The machine has no route to the internet: background services of the browser would only fail.
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--disable-background-networking", "--disable-component-update", "--no-first-run",
					"--disable-sync", "--disable-quic")));
	}

	@AfterAll
	static void close() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void open() {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setBypassCSP(injectsScripts()));
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		context.close();
	}

	/** Whether the test injects scripts of its own (axe-core), which Morsel's Content Security Policy would block. */
	boolean injectsScripts() {
		return false;
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Signs in through the form, as a person would. */
	/** Presses Tab until the element has the focus, as a keyboard user moves through the page. */
	void tabTo(Locator target) {
		for (int i = 0; i < 200; i++) {
			if ((Boolean) target.evaluate("el => el === document.activeElement")) {
				return;
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached " + target);
	}

	void signIn(String email) {
		signIn(email, PASSWORD);
	}

	void signIn(String email, String password) {
		page.navigate(url("/sign-in"));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	/**
	 * A published-ready lesson for the player's journeys: a text step and two single-choice questions assessing its
	 * objective, each option with its feedback; as lesson JSON.
	 */
	static String twoQuestionLesson(String title) {
		return """
				{"title": "%s", "objective": "Rewrite a vague learning goal as one measurable objective.",
				 "estimatedMinutes": 2, "skills": [], "blocks": [
				  {"type": "text", "markdown": "An objective names what a learner **does**, so that someone can see it."},
				  {"type": "interaction", "interaction": {"type": "single-choice", "id": "verb",
				   "prompt": "Which verb can you observe?", "assessesObjective": true, "explanation": null,
				   "options": [{"id": "a", "text": "List", "correct": true, "feedback": "You can see a list."},
				               {"id": "b", "text": "Understand", "correct": false, "feedback": "You cannot see understanding."}]}},
				  {"type": "interaction", "interaction": {"type": "single-choice", "id": "measure",
				   "prompt": "Which one is measurable?", "assessesObjective": true, "explanation": null,
				   "options": [{"id": "a", "text": "Create a report", "correct": true, "feedback": "A report can be checked."},
				               {"id": "b", "text": "Know reports", "correct": false, "feedback": "Knowing cannot be seen."}]}}]}
				""".formatted(title);
	}

	/** axe-core's serious and critical violations on the page as it is now, each named with {@code where}. */
	@SuppressWarnings("unchecked")
	List<String> axe(String where) throws IOException {
		if (!Files.exists(AXE)) {
			throw new IllegalStateException(AXE + " is missing: the build downloads it (mvn generate-test-resources)");
		}
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(AXE)));
		var result = (Map<String, Object>) page.evaluate("""
				async () => {
					// Violations alone are reported whole: axe then builds no selector for each node that passed, which
					// on a page of thousands of rows (the suite's members on /team and /admin) took minutes.
					const results = await axe.run(document, { resultTypes: ['violations'] });
					return {
						passed: results.passes.length,
						violations: results.violations
							.filter(v => v.impact === 'serious' || v.impact === 'critical')
							.map(v => ({ id: v.id, impact: v.impact, help: v.help,
								targets: v.nodes.map(n => n.target.join(' ')).join(', ') }))
					};
				}
				""");
		// A run that checked nothing would pass every page: make sure the rules ran.
		Assertions.assertThat(((Number) result.get("passed")).intValue()).as("axe rules passed on " + where)
			.isGreaterThan(10);
		var found = (List<Map<String, Object>>) result.get("violations");
		return found.stream()
			.map(v -> where + ": " + v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("targets"))
			.toList();
	}
}
