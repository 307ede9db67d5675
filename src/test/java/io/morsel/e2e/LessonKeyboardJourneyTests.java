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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner takes a lesson with pick-3, matching and ordering using the keyboard alone: Tab to move, Space to tick,
 * arrow keys to choose, Enter to press buttons. learner@globex.test is this journey's learner.
 */
class LessonKeyboardJourneyTests extends BrowserTest {

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	LessonId lesson;

	@BeforeEach
	void publishLesson() throws IOException {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/keyboard-lesson.json")) {
			var content = json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), LessonContent.class);
			lesson = lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
		}
	}

	@Test
	void aLearnerCompletesPickThreeMatchingAndOrderingWithTheKeyboardAlone() {
		page.navigate(url("/sign-in"));
		page.keyboard().type("learner@globex.test");
		page.keyboard().press("Tab");
		page.keyboard().type(PASSWORD);
		page.keyboard().press("Enter");
		assertThat(page).hasURL(url("/today"));
		// The whole lesson at once, the learner's option (CardByCardJourneyTests goes one step at a time).
		page.navigate(url("/lessons/" + lesson.value() + "?view=whole"));

		for (var feature : new String[] { "What-if scenarios", "Forecast accuracy tracking", "Alerts when the forecast drifts" }) {
			tabTo(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(feature)));
			page.keyboard().press("Space");
		}
		submit("#interaction-top3");
		assertThat(page.locator("#interaction-top3 .verdict")).hasText("Correct.");

		choose("What-if scenarios", "Plan for the quarter you fear");
		choose("Accuracy tracking", "Know how far to trust the number");
		choose("Drift alerts", "Hear about a miss while there is time to act");
		submit("#interaction-benefits");
		assertThat(page.locator("#interaction-benefits .verdict")).hasText("Correct.");

		var items = page.locator("#interaction-demo .order-item label");
		for (var expected : new String[] { "Ask about last quarter's surprise", "Show the scenario that would have caught it" }) {
			var wanted = java.util.List.of(
					"Ask about last quarter's surprise", "Show the scenario that would have caught it").indexOf(expected);
			while (!items.nth(wanted).textContent().equals(expected)) {
				tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move up: " + expected)));
				page.keyboard().press("Enter");
			}
		}
		submit("#interaction-demo");
		assertThat(page.locator("#interaction-demo .verdict")).hasText("Correct.");
		assertThat(page.locator("#lesson-status")).containsText("Lesson complete.");
	}

	/** Chooses an answer in a matching select: Tab to it, then arrow down until the option is the chosen one. */
	private void choose(String left, String right) {
		var select = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(left).setExact(true));
		tabTo(select);
		for (int i = 0; i < 10 && !selectedText(select).equals(right); i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(select).hasValue(select.locator("option", new Locator.LocatorOptions().setHasText(right)).getAttribute("value"));
	}

	private String selectedText(Locator select) {
		return (String) select.evaluate("s => s.options[s.selectedIndex].text");
	}

	private void submit(String interaction) {
		tabTo(page.locator(interaction + " button[type=submit]"));
		page.keyboard().press("Enter");
		assertThat(page.locator(interaction + " .feedback")).isVisible();
		// The player moves the focus to what the answer says just after the swap; the journey tabs on from there, as a
		// learner does, not from wherever the focus was a moment before.
		page.waitForFunction("""
				selector => [selector, '#lesson-end'].some(s => document.querySelector(s)?.contains(document.activeElement))
				""", interaction);
	}
}
