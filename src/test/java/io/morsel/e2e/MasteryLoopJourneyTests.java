package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mastery loop and the lesson's end in a real browser, with htmx: a wrong answer is marked and the right one
 * revealed, trying again is practice, a lesson mostly missed is done but not mastered; a lesson finished leads on to
 * the next one. axe-core finds nothing serious or critical on the pages on the way. learner@acme.test takes them.
 */
class MasteryLoopJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void aWrongAnswerRevealsTheRightOneTryingAgainIsPracticeAndTheLessonIsNotMastered() throws IOException {
		var lesson = publish("Verbs you can see " + UUID.randomUUID().toString().substring(0, 6));
		signIn("learner@acme.test");
		page.navigate(url("/lessons/" + lesson.value()));
		next();

		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Understand")).check();
		page.locator("#interaction-verb button[type=submit]").click();
		var verb = page.locator("#interaction-verb");
		assertThat(verb.locator(".verdict")).hasText("Not quite.");
		assertThat(mark(verb, "Understand")).containsText("Your pick: wrong");
		assertThat(mark(verb, "Understand")).containsText("You cannot see understanding.");
		assertThat(mark(verb, "List")).containsText("Right answer, not picked");
		// The focus moved to the verdict, so a screen reader reads it out.
		assertThat(verb.locator(".feedback")).isFocused();
		shoot("mastery-wrong");
		org.assertj.core.api.Assertions.assertThat(axe("the answer marked")).isEmpty();

		verb.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Try again")).click();
		assertThat(verb.locator(".practice-note")).containsText("not scored");
		verb.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("List")).check();
		verb.locator("button[type=submit]").click();
		assertThat(verb.locator(".verdict")).hasText("Correct.");
		assertThat(verb.locator(".practice-note")).containsText("Your scored answer stays at 0%");
		shoot("mastery-practised");

		next();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Know reports")).check();
		page.locator("#interaction-measure button[type=submit]").click();
		var end = page.locator("#lesson-end");
		assertThat(end).containsText("Done, but not mastered yet");
		assertThat(end).containsText("0%");
		assertThat(end.locator("h2")).isFocused();
		shoot("mastery-not-mastered");
		org.assertj.core.api.Assertions.assertThat(axe("the lesson's end, not mastered")).isEmpty();

		// The scored answer stayed: the page read again shows it, not the practice.
		page.reload();
		assertThat(page.locator("#interaction-verb .verdict")).hasText("Not quite.");
		assertThat(page.locator("#lesson-end")).containsText("Done, but not mastered yet");
	}

	@Test
	void joiningAProgramOpensItsFirstLessonAndItsEndLeadsToTheNext() throws IOException {
		var suffix = UUID.randomUUID().toString().substring(0, 6);
		var first = publish("Observable verbs " + suffix);
		var second = publish("Measurable conditions " + suffix);
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var title = "Objectives that hold " + suffix;
		programs.create(author.organisationId(), "journey-" + suffix, title,
				"Authors write objectives a reviewer can check", null, true, List.of(first, second));
		signIn("learner@acme.test");
		page.navigate(url("/today"));

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this program: " + title)).click();
		assertThat(page).hasURL(url("/lessons/" + first.value()));
		next();

		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("List")).check();
		page.locator("#interaction-verb button[type=submit]").click();
		assertThat(page.locator("#interaction-verb .verdict")).hasText("Correct.");
		next();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Create a report")).check();
		page.locator("#interaction-measure button[type=submit]").click();

		var end = page.locator("#lesson-end");
		assertThat(end).containsText("Objective met");
		assertThat(end).containsText("100%");
		var next = end.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next lesson: Measurable conditions " + suffix));
		assertThat(next).isVisible();
		shoot("lesson-end-next");
		org.assertj.core.api.Assertions.assertThat(axe("the lesson's end")).isEmpty();
		// On a phone, which shows one step at a time, the card is in the step of the last answer.
		page.setViewportSize(390, 844);
		page.navigate(url("/lessons/" + first.value() + "?step=2#lesson-end"));
		assertThat(next).isInViewport();
		shoot("lesson-end-next-phone");
		org.assertj.core.api.Assertions.assertThat(axe("the lesson's end on a phone")).isEmpty();

		next.click();
		assertThat(page).hasURL(url("/lessons/" + second.value()));
		assertThat(page.locator("h1")).hasText("Measurable conditions " + suffix);
	}

	private LessonId publish(String title) {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var content = json.readValue("""
				{"title": "%s", "objective": "Rewrite a vague learning goal as one measurable objective.",
				 "estimatedMinutes": 2, "skills": [], "blocks": [
				  {"type": "text", "markdown": "An objective names what a learner **does**, so that someone can see it."},
				  {"type": "interaction", "interaction": {"type": "single-choice", "id": "verb",
				   "prompt": "Which verb can you observe?", "assessesObjective": true,
				   "explanation": "Observable verbs make objectives measurable.",
				   "options": [{"id": "a", "text": "List", "correct": true, "feedback": "You can see a list."},
				               {"id": "b", "text": "Understand", "correct": false, "feedback": "You cannot see understanding."}]}},
				  {"type": "interaction", "interaction": {"type": "single-choice", "id": "measure",
				   "prompt": "Which one is measurable?", "assessesObjective": true, "explanation": null,
				   "options": [{"id": "a", "text": "Create a report", "correct": true, "feedback": "A report can be checked."},
				               {"id": "b", "text": "Know reports", "correct": false, "feedback": "Knowing cannot be seen."}]}}]}
				""".formatted(title), LessonContent.class);
		return lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
	}

	/** The current step's "Next" link, which htmx follows by swapping the player. */
	private void next() {
		var step = page.locator(".step.current");
		var id = step.getAttribute("id");
		step.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
		assertThat(page.locator("#" + id)).not().hasClass(java.util.regex.Pattern.compile(".*\\bcurrent\\b.*"));
	}

		private static Locator mark(Locator interaction, String text) {
		return interaction.locator("li.mark", new Locator.LocatorOptions().setHasText(text));
	}

	private void shoot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
	}
}
