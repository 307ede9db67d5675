package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lesson card by card in a real browser, with the keyboard alone, on a wide screen and on a phone: one step shows at
 * a time, the step links swap the player without reloading the page, the sticky bar says where the learner is, the
 * focus moves to the new step and to an answer's verdict (which the live region says), a reload resumes at the last
 * question answered, and axe-core finds nothing serious or critical. learner@globex.test takes the lessons.
 */
class CardByCardJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void onAWideScreenTheKeyboardGoesStepByStepAndTheWholeLessonIsAnOption() throws IOException {
		var lesson = publish();
		signIn("learner@globex.test");
		page.navigate(url("/lessons/" + lesson.value()));
		goesCardByCard(lesson, "desktop");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Whole lesson")).click();
		assertThat(page.locator(".step")).hasCount(3);
		for (var step : page.locator(".step").all()) {
			assertThat(step).isVisible();
		}
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("One step at a time")).click();
		assertThat(page.locator(".step:visible")).hasCount(1);
	}

	@Test
	void onAPhoneTheLessonIsInFocusModeAndTheBottomBarLeadsElsewhere() throws IOException {
		var lesson = publish();
		page.setViewportSize(390, 844);
		signIn("learner@globex.test");
		var bottom = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Quick links"));
		assertThat(bottom).isVisible();
		assertThat(bottom.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Today"))).isInViewport();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens"))).hasCount(0);
		org.assertj.core.api.Assertions.assertThat(axe("Today on a phone")).isEmpty();

		page.navigate(url("/lessons/" + lesson.value()));
		assertThat(bottom).isHidden();
		goesCardByCard(lesson, "phone");
	}

	/** From the first step to the last with the keyboard: Next, answer, Next, and a reload at the answered step. */
	private void goesCardByCard(LessonId lesson, String screen) throws IOException {
		var progress = page.locator("#player-progress-label");
		assertThat(progress).hasText("Step 1 of 3");
		assertThat(page.locator(".step:visible")).hasCount(1);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Close the lesson"))).isVisible();
		org.assertj.core.api.Assertions.assertThat(axe("the first step on a " + screen)).isEmpty();

		var marker = page.evaluate("() => window.sameDocument = 'yes'");
		press(page.locator("#step-0").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")));
		assertThat(progress).hasText("Step 2 of 3");
		assertThat(page.locator("#step-1")).isFocused();
		assertThat(page.locator("#player-announcer")).hasText("Step 2 of 3");
		assertThat(page).hasURL(Pattern.compile(".*step=1$"));
		org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.sameDocument")).as("no full reload")
			.isEqualTo("yes");
		org.assertj.core.api.Assertions.assertThat(marker).isEqualTo("yes");

		tabTo(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("List")));
		page.keyboard().press("Space");
		tabTo(page.locator("#interaction-verb button[type=submit]"));
		page.keyboard().press("Enter");
		var verb = page.locator("#interaction-verb");
		assertThat(verb.locator(".verdict")).hasText("Correct.");
		assertThat(verb.locator(".feedback")).isFocused();
		assertThat(page.locator("#player-announcer")).hasText("Correct.");
		shoot("card-answered-" + screen);
		org.assertj.core.api.Assertions.assertThat(axe("an answered step on a " + screen)).isEmpty();

		// Answered through htmx, the step is saved: a reload comes back to it, not to where the learner navigated from.
		page.navigate(url("/lessons/" + lesson.value()));
		assertThat(progress).hasText("Step 2 of 3");
		assertThat(page.locator("#interaction-verb .verdict")).isVisible();

		press(page.locator("#step-1").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")));
		assertThat(progress).hasText("Step 3 of 3");
		assertThat(page.locator("#step-2")).isFocused();
		assertThat(page.locator("#step-1")).isHidden();
		press(page.locator("#step-2").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous")));
		assertThat(progress).hasText("Step 2 of 3");
		assertThat(page.locator("#interaction-verb .verdict")).isVisible();
	}

	/** Tabs to the element and presses Enter, as a keyboard user follows a link. */
	private void press(Locator target) {
		tabTo(target);
		page.keyboard().press("Enter");
	}

	private LessonId publish() {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var title = "One step at a time " + UUID.randomUUID().toString().substring(0, 6);
		var content = json.readValue(twoQuestionLesson(title), LessonContent.class);
		return lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
	}

	private void shoot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
	}
}
