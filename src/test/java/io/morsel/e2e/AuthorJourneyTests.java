package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.authoring.AuthoringPolicy;
import io.morsel.authoring.AuthoringSettings;
import io.morsel.identity.Directory;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An author builds a lesson with every kind of block in the studio — uploading the image, video and audio — previews
 * it and publishes it; a learner then finds it. Questions are written in their forms — rows added with the mouse,
 * moved with the keyboard — and two from the lesson format's JSON. author@acme.test is this journey's author.
 */
class AuthorJourneyTests extends BrowserTest {

	private static final Path MEDIA = Path.of("src/main/resources/demo/media");

	@Autowired
	AuthoringSettings settings;

	@Autowired
	Directory directory;

	/**
	 * A lesson with every kind of block runs past the ten minutes acme publishes by default (its nine questions alone
	 * take 570 s), so acme allows fifteen while it is built.
	 */
	@Test
	void anAuthorBuildsAndPublishesALessonWithEveryKindOfBlock() {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var before = settings.policy(admin.organisationId());
		settings.change(admin,
				new AuthoringPolicy(before.objectivesBlockPublishing(), 15, before.programLessonsBeforeModules()));
		try {
			buildAndPublishALessonWithEveryKindOfBlock();
		}
		finally {
			settings.change(admin, before);
		}
	}

	private void buildAndPublishALessonWithEveryKindOfBlock() {
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
		add("Add a single-choice question", form -> {
			form.getByLabel("Question", new Locator.GetByLabelOptions().setExact(true)).fill("What does a forecast give?");
			option(form, "Option 1", "A range", true, "A range says how sure it is.");
			option(form, "Option 2", "One number", false, "One number hides how sure it is.");
		});
		addFromJson("Add a multiple-choice question");
		add("Add a pick-N question", form -> {
			form.getByLabel("Question (learners pick N options)").fill("Pick the two signs of a forecast to trust");
			form.getByLabel("How many options the learner picks (N): exactly N options are correct").fill("2");
			option(form, "Option 1", "A narrow range", true, null);
			option(form, "Option 2", "A long history of data", true, null);
			option(form, "Option 3", "A round number", false, "Round numbers say nothing about trust.");
			option(form, "Option 4", "A colourful chart", false, null);
		});
		add("Add a matching question", form -> {
			form.getByLabel("Instruction, such as: Match each feature to its benefit").fill("Match each range to its meaning");
			pair(form, "Pair 1", "Narrow", "Trust it");
			pair(form, "Pair 2", "Wide", "Plan for both ends");
			pair(form, "Pair 3", "Widening", "Wait for more data");
			// A fourth pair: the form comes back with one more row, its first field ready to type in.
			form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add pair")).click();
			assertThat(group(form, "Pair 4").getByLabel("Left")).isFocused();
			pair(form, "Pair 4", "Missing", "Ask the analyst");
		});
		add("Add an ordering question", form -> {
			form.getByLabel("Instruction, such as: Put the steps in order").fill("Put the reading of a forecast in order");
			group(form, "Item 1").getByLabel("Text").fill("Read the range");
			group(form, "Item 2").getByLabel("Text").fill("Open the forecast");
			group(form, "Item 3").getByLabel("Text").fill("Decide how far to trust it");
			// With the keyboard: item 2 goes up, and the focus stays with it.
			form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Up: item 2")).focus();
			page.keyboard().press("Enter");
			assertThat(group(form, "Item 1").getByLabel("Text")).hasValue("Open the forecast");
			assertThat(form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Down: item 1"))).isFocused();
		});
		var blocks = page.locator(".block-card").count();
		var shortText = open("Add a short-answer question");
		shortText.getByLabel("Question", new Locator.GetByLabelOptions().setExact(true)).fill("What does a forecast give?");
		shortText.getByLabel("Accepted answers, one a line").fill("a range\nrange");
		// Enter in a field adds the question, as the form's main button does.
		shortText.getByLabel("Feedback for any other answer").fill("A forecast gives a range.");
		shortText.getByLabel("Feedback for any other answer").press("Enter");
		assertThat(page.locator(".block-card")).hasCount(blocks + 1);
		add("Add a scenario", form -> {
			form.getByLabel("The case the learner reads first").fill("Sales asks for one number for the board.");
			form.getByLabel("The question about the case").fill("What do you give them?");
			option(form, "Option 1", "The range, and what it means", true, null);
			option(form, "Option 2", "The middle of the range", false, "The board then plans for a certainty.");
		});
		addFromJson("Add an application exercise");
		assertThat(page.locator(".block-card")).hasCount(14);
		assertThat(page.locator("#editor .error")).hasCount(0);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/studio-editor.png")));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview as a learner")).click();
		assertThat(page.locator("video")).hasCount(1);
		assertThat(page.locator("audio")).hasCount(1);
		// The preview plays card by card: the image is on a step of its own, there with its description.
		assertThat(page.locator("img[alt='The three areas of a workspace']")).hasCount(1);
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

	/** Opens one "Add …" section of the editor, fills its form, adds the block and waits for htmx to swap the editor. */
	private void add(String summary, Consumer<Locator> fill) {
		var blocks = page.locator(".block-card").count();
		var form = open(summary);
		fill.accept(form);
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(page.locator(".block-card")).hasCount(blocks + 1);
	}

	/** Adds a question as the lesson format's JSON, from the section's advanced form, as its example stands. */
	private void addFromJson(String summary) {
		var blocks = page.locator(".block-card").count();
		var section = section(summary);
		section.locator(":scope > summary").click();
		section.getByText("Advanced: edit as JSON").click();
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add from JSON")).click();
		assertThat(page.locator(".block-card")).hasCount(blocks + 1);
	}

	/** Opens one "Add …" section and gives its main form. */
	private Locator open(String summary) {
		var section = section(summary);
		section.locator(":scope > summary").click();
		return section.locator(":scope > form");
	}

	private Locator section(String summary) {
		return page.locator("details.add-block", new Page.LocatorOptions().setHas(
				page.getByText(summary, new Page.GetByTextOptions().setExact(true))));
	}

	private static Locator group(Locator form, String legend) {
		return form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(legend).setExact(true));
	}

	private static void option(Locator form, String legend, String text, boolean correct, @Nullable String feedback) {
		var row = group(form, legend);
		row.getByLabel("Text").fill(text);
		if (correct) {
			row.getByLabel("Correct").check();
		}
		if (feedback != null) {
			row.getByLabel("Feedback when picked").fill(feedback);
		}
	}

	private static void pair(Locator form, String legend, String left, String right) {
		var row = group(form, legend);
		row.getByLabel("Left").fill(left);
		row.getByLabel("Right (its match)").fill(right);
	}
}
