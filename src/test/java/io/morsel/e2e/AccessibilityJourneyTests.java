package io.morsel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core checks every main page, signed out and as each role, on a phone and on a desktop; any serious or critical
 * violation fails. Screenshots land in target/screenshots for a person to look at.
 */
class AccessibilityJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@Autowired
	Directory directory;

	@Autowired
	io.morsel.catalog.Lessons lessons;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Autowired
	io.morsel.catalog.Programs programs;

	String lessonPath;

	String programPath;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void everyMainPageHasNoSeriousOrCriticalViolations() throws IOException {
		var violations = new ArrayList<String>();
		check(violations, "/sign-in", "/password/forgot");
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var lesson = (tools.jackson.databind.node.ObjectNode) json.readTree(in.readAllBytes());
			lesson.putArray("skills");
			var created = lessons.create(author, json.treeToValue(lesson, io.morsel.catalog.LessonContent.class));
			lessons.publish(author, created.lessonId());
			lessonPath = "/lessons/" + created.lessonId().value();
			programPath = "/studio/programs/" + programs.create(author.organisationId(),
					"axe-" + UUID.randomUUID().toString().substring(0, 8), "Every block, in a program",
					"Authors use every kind of block in their first lesson", null, true, List.of(created.lessonId())).id();
		}
		signIn("learner@acme.test");
		var colleague = directory.people(directory.organisation("acme").orElseThrow()).getFirst();
		check(violations, "/today", "/people", "/people/" + colleague.id().value(), "/profile", "/tokens",
				"/people/" + UUID.randomUUID(), "/admin", lessonPath, "/search?q=report", "/skills", "/achievements");
		var program = programPath.substring("/studio".length());
		check(violations, program, "/delivery/series", "/delivery/series" + program);
		for (var role : List.of("author", "manager", "admin")) {
			context.clearCookies();
			signIn(role + "@acme.test");
			check(violations, page.url().substring(url("").length()));
			if (role.equals("author")) {
				check(violations, "/studio" + lessonPath, lessonPath + "/preview", "/studio/programs",
						programPath, "/studio/achievements", "/retention");
			}
			if (role.equals("admin")) {
				check(violations, "/admin/authoring", "/admin/tokens", "/team", "/team/assign");
			}
		}
		assertThat(violations).as(String.join("\n", violations)).isEmpty();
	}

	private void check(List<String> violations, String... paths) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		for (var path : paths) {
			for (var width : List.of(390, 1280)) {
				page.setViewportSize(width, width == 390 ? 844 : 800);
				page.navigate(url(path));
				// Closed sections (the editor's block and question forms) hide their content from axe: check it open.
				page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)");
				// The first screen only: the shared database's admin and team pages list every member the suite made,
				// taller than Chromium can capture whole. axe reads the whole page either way.
				page.screenshot(new Page.ScreenshotOptions()
					.setPath(SCREENSHOTS.resolve(path.replaceAll("[^a-z0-9]+", "_") + "_" + width + ".png")));
				violations.addAll(axe(path + " at " + width + "px"));
			}
		}
	}
}
