package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An author builds a lesson with every kind of block in the studio — uploading the image, video and audio — previews
 * it and publishes it; a learner then finds it. author@acme.test is this journey's author.
 */
class AuthorJourneyTests extends BrowserTest {

	private static final Path MEDIA = Path.of("src/main/resources/demo/media");

	@Test
	void anAuthorBuildsAndPublishesALessonWithEveryKindOfBlock() {
		var title = "Read a forecast range " + UUID.randomUUID().toString().substring(0, 6);
		signIn("author@acme.test");
		assertThat(page).hasURL(url("/studio"));

		page.getByLabel("Title").fill(title);
		page.getByLabel("Objective").fill("Read the range of a forecast and say how far to trust it.");
		page.getByLabel("Estimated minutes").fill("4");
		page.getByLabel("What the learner reads first (Markdown)").fill("A forecast is a **range**, not a number.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the lesson")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);

		add("Add an image", form -> {
			form.getByLabel("Upload a file").setInputFiles(MEDIA.resolve("workspace-map.png"));
			form.getByLabel("Alternative text (what the image shows)").fill("The three areas of a workspace");
		});
		add("Add a video", form -> {
			form.getByLabel("Upload a file").setInputFiles(MEDIA.resolve("first-report.webm"));
			form.getByLabel("Title").fill("Your first report");
			form.getByLabel("Transcript (WebVTT)").fill("WEBVTT\n\n00:00.000 --> 00:04.000\nOpen Reports.\n");
		});
		add("Add audio", form -> {
			form.getByLabel("Upload a file").setInputFiles(MEDIA.resolve("coach-tip.ogg"));
			form.getByLabel("Title").fill("A tip");
			form.getByLabel("Transcript (WebVTT)").fill("WEBVTT\n\n00:00.000 --> 00:03.000\nStart with one question.\n");
		});
		add("Add resources", form -> form.getByLabel("Resources, one a line: Title | https://…")
			.fill("Forecasting guide | https://guide.example/forecasting"));
		add("Add text", form -> form.getByLabel("Text (Markdown)").fill("The wider the range, the less to trust."));
		for (var question : new String[] { "Add a single-choice question", "Add a multiple-choice question",
				"Add a pick-N question", "Add a matching question", "Add an ordering question",
				"Add a short-answer question", "Add a scenario", "Add an application exercise" }) {
			add(question, form -> {
			});
		}
		assertThat(page.locator(".block-card")).hasCount(14);
		assertThat(page.locator("#editor .error")).hasCount(0);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/studio-editor.png")));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview as a learner")).click();
		assertThat(page.locator("video")).hasCount(1);
		assertThat(page.locator("audio")).hasCount(1);
		assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("The three areas of a workspace")))
			.isVisible();
		page.goBack();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(page.locator("#editor")).containsText("Published v1");
		var lesson = page.url().substring(page.url().lastIndexOf('/') + 1);

		context.clearCookies();
		signIn("learner@acme.test");
		page.navigate(url("/lessons/" + lesson));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
		assertThat(page.locator(".interaction")).hasCount(8);
	}

	/** Opens one "Add …" section of the editor, fills it, adds the block and waits for htmx to swap the editor. */
	private void add(String summary, java.util.function.Consumer<Locator> fill) {
		var section = page.locator("details.add-block", new Page.LocatorOptions().setHas(
				page.getByText(summary, new Page.GetByTextOptions().setExact(true))));
		var blocks = page.locator(".block-card").count();
		section.locator("summary").click();
		fill.accept(section.locator("form"));
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
		assertThat(page.locator(".block-card")).hasCount(blocks + 1);
	}
}
