package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.identity.Directory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An author builds a program in the studio — adds lessons, puts them in order with the keyboard, states the outcome
 * and why a learner would take it — and a learner finds it with that reason and that order; the business outcome is
 * the managers'. Having joined, the learner meets the first lesson's cover and its own "why" line on Today and on the
 * player's first screen, with axe clean (screenshots in target/screenshots). author@acme.test and learner@acme.test
 * are its people.
 */
class ProgramJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final String LESSON_WHY = "Leave the meeting with a launch date the partner owns too.";

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	String suffix;

	/** axe is put into the pages. */
	@Override
	boolean injectsScripts() {
		return true;
	}

	@BeforeEach
	void publishLessons() {
		suffix = UUID.randomUUID().toString().substring(0, 6);
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		for (var title : List.of("Name the partner", "Agree the forecast", "Launch together")) {
			var lesson = lessons.create(author, new LessonContent(title + " " + suffix,
					new Objective("Agree a launch forecast with a partner."), 3, List.of(),
					List.of(new Block.Text("Partners launch with a shared forecast.")),
					title.startsWith("Launch") ? LESSON_WHY : null));
			lessons.publish(author, lesson.lessonId());
		}
	}

	@Test
	void anAuthorOrdersAProgramWithTheKeyboardAndALearnerSeesWhyToTakeIt() throws Exception {
		var title = "Launch with partners " + suffix;
		var outcome = "Every partner launch has an agreed forecast two weeks before go-live.";
		var why = "Walk into a partner's launch meeting with a forecast they have already agreed.";
		signIn("author@acme.test");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Programs").setExact(true)).click();

		page.getByLabel("Title").fill(title);
		page.getByLabel("Business outcome").fill(outcome);
		page.getByLabel("First lesson").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel("Name the partner " + suffix));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the program")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);

		for (var lesson : List.of("Agree the forecast", "Launch together")) {
			var count = lessonCards().count();
			page.getByLabel("Lesson to add").selectOption(new com.microsoft.playwright.options.SelectOption()
				.setLabel(lesson + " " + suffix));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add lesson")).click();
			assertThat(lessonCards()).hasCount(count + 1);
		}

		// "Launch together" moves from third to first: Enter twice on its Up button, which keeps the focus.
		tabTo(button("Up: lesson 3, Launch together " + suffix));
		page.keyboard().press("Enter");
		assertThat(button("Up: lesson 2, Launch together " + suffix)).isFocused();
		page.keyboard().press("Enter");
		assertThat(button("Down: lesson 1, Launch together " + suffix)).isFocused();
		assertThat(lessonCards()).containsText(new String[] { "Launch together", "Name the partner", "Agree the forecast" });

		page.getByLabel("Description (optional)").fill("Three lessons for partner managers.");
		page.locator("#program-editor").getByLabel("Why take it (what learners read)").fill(why);
		tabTo(button("Save details"));
		page.keyboard().press("Enter");
		assertThat(page.locator("#program-editor [role=status]")).hasText("Program saved.");
		assertThat(page.locator("#program-editor .error")).hasCount(0);

		context.clearCookies();
		signIn("learner@acme.test");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
		assertThat(page.locator(".page > .why")).hasText(why);
		assertThat(page.locator(".outcome")).hasCount(0);
		assertThat(page.locator(".lessons .card")).containsText(
				new String[] { "Launch together", "Name the partner", "Agree the forecast" });
		assertThat(page.locator(".lessons .card").first().locator(".why")).hasText(LESSON_WHY);

		// Joined, the learner meets the first lesson's cover on Today and on the player's first screen.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this program")).click();
		page.navigate(url("/today"));
		var card = page.locator(".program-card").filter(new Locator.FilterOptions().setHasText(title));
		var cover = card.locator(".next-lesson img.cover");
		assertThat(cover).hasAttribute("alt", "");
		assertThat(cover).hasAttribute("src", java.util.regex.Pattern.compile("^/covers/lessons/.+\\?v=p"));
		cover.scrollIntoViewIfNeeded();
		assertThat(cover).hasJSProperty("complete", true);
		org.assertj.core.api.Assertions.assertThat(axe("Today")).isEmpty();
		screenshot("today-next-lesson-cover");

		// Joining started the first lesson, so the card offers to continue it.
		card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Continue")).click();
		var header = page.locator(".lesson-header");
		assertThat(header.locator("h1")).hasText("Launch together " + suffix);
		assertThat(header.locator(".why")).hasText(LESSON_WHY);
		assertThat(header.locator("img.cover")).isVisible();
		assertThat(header.locator("img.cover")).hasAttribute("alt", "");
		org.assertj.core.api.Assertions.assertThat(axe("the player's first screen")).isEmpty();
		screenshot("player-first-screen");
	}

	private void screenshot(String name) throws java.io.IOException {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	private Locator lessonCards() {
		return page.locator(".program-lessons > li");
	}

	private Locator button(String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}
}
