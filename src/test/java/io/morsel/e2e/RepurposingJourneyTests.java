package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An author pastes a webinar's transcript, splits one proposed lesson and joins it back, leaves the last part out,
 * renames the first, and makes the drafts, which open in the editor; there the author adds a question that assesses
 * the draft's objective and publishes it, and a learner of the organisation then finds the lesson. Each page it
 * visits is clean to axe-core. author@acme.test and learner@acme.test are its people.
 */
class RepurposingJourneyTests extends BrowserTest {

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void anAuthorCutsAPastedTranscriptAdjustsTheCutsAndGetsTheDrafts() throws Exception {
		var name = "Support webinar " + UUID.randomUUID().toString().substring(0, 6);
		var transcript = Files.readString(Path.of("src/test/resources/authoring/segmentation/support-webinar.md"));
		signIn("author@acme.test");
		page.navigate(url("/studio/recordings"));

		page.getByLabel("Name of the recording").fill(name);
		page.getByLabel("Or paste the transcript").fill(transcript);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose lessons")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
		var proposed = segments().count();
		org.assertj.core.api.Assertions.assertThat(proposed).isGreaterThan(2);

		// Split the first lesson before its second sentence, then join the new part back.
		page.getByLabel("Split lesson 1 before").selectOption(new SelectOption().setIndex(0));
		segments().first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Split")).click();
		assertThat(segments()).hasCount(proposed + 1);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join lesson 2 with lesson 1")).click();
		assertThat(segments()).hasCount(proposed);

		var title = "Triage at the door " + UUID.randomUUID().toString().substring(0, 4);
		segments().first().getByLabel("Title").fill(title);
		page.getByLabel("Make a lesson of part " + proposed).uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make lesson drafts")).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lesson drafts"))).isVisible();
		var drafts = page.locator("section[aria-labelledby=drafts-heading] li");
		assertThat(drafts).hasCount(proposed - 1);
		assertThat(drafts.first()).containsText(title);
		org.assertj.core.api.Assertions.assertThat(axe("the recording's review with its drafts")).isEmpty();
		drafts.first().getByRole(AriaRole.LINK).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);

		// A draft of words alone assesses nothing, so it cannot be published until a question checks its objective.
		var blocks = page.locator(".block-card").count();
		var question = page.locator("details.add-block", new Page.LocatorOptions().setHas(page.getByText(
				"Add a single-choice question", new Page.GetByTextOptions().setExact(true))));
		question.locator(":scope > summary").click();
		var form = question.locator(":scope > form");
		form.getByLabel("Question", new Locator.GetByLabelOptions().setExact(true))
			.fill("A customer writes in angry. What comes first?");
		option(form, "Option 1", "Read the whole ticket and set its priority", true, "Triage comes before any answer.");
		option(form, "Option 2", "Reply at once with a template", false, "A template answers a question nobody asked.");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(page.locator(".block-card")).hasCount(blocks + 1);
		org.assertj.core.api.Assertions.assertThat(axe("the draft in the editor")).isEmpty();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(page.locator("#editor")).containsText("Published v1");
		var lesson = page.url().substring(page.url().lastIndexOf('/') + 1);

		context.clearCookies();
		signIn("learner@acme.test");
		page.navigate(url("/lessons/" + lesson));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
		assertThat(page.locator(".interaction")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(axe("the published lesson, as a learner")).isEmpty();
	}

	private static void option(Locator form, String legend, String text, boolean correct, String feedback) {
		var row = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(legend).setExact(true));
		row.getByLabel("Text").fill(text);
		if (correct) {
			row.getByLabel("Correct").check();
		}
		row.getByLabel("Feedback when picked").fill(feedback);
	}

	private Locator segments() {
		return page.locator("ol.segments > li");
	}
}
