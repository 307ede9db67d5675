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
 * renames the first, and makes the drafts, which open in the editor. author@acme.test is its person.
 */
class RepurposingJourneyTests extends BrowserTest {

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
		drafts.first().getByRole(AriaRole.LINK).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
	}

	private Locator segments() {
		return page.locator("ol.segments > li");
	}
}
