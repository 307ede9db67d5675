package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An author uploads a webinar's transcript with the recording itself, moves a cut, makes the lesson drafts and opens
 * one: beside its editor, the phone-sized preview plays the draft, and its audio plays only the draft's part of the
 * recording, from its start, stopping at its end; finished, it shows the lesson's end. author@acme.test is its person.
 */
class RecordingPreviewJourneyTests extends BrowserTest {

	/** Where the screenshots of the editor with its preview go, to be looked at. */
	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@TempDir
	Path files;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void aDraftCutFromARecordingPlaysOnlyItsPartInThePhonePreview() throws Exception {
		var name = "Support webinar " + UUID.randomUUID().toString().substring(0, 6);
		var transcript = Path.of("src/test/resources/e2e/support-webinar.vtt");
		var recording = silence(files.resolve("support-webinar.wav"), 465);
		signIn("author@acme.test");
		page.navigate(url("/studio/recordings"));

		page.getByLabel("Name of the recording").fill(name);
		page.getByLabel("Transcript or document file").setInputFiles(transcript);
		page.getByLabel("The recording itself (optional)").setInputFiles(recording);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose lessons")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
		var proposed = segments().count();
		org.assertj.core.api.Assertions.assertThat(proposed).isGreaterThan(2);

		// Cut the first lesson once more, after its first sentence, and keep only the rest of it: a part that starts
		// inside the recording.
		page.getByLabel("Split lesson 1 before").selectOption(new SelectOption().setIndex(0));
		segments().first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Split")).click();
		assertThat(segments()).hasCount(proposed + 1);
		for (int part = 1; part <= proposed + 1; part++) {
			if (part != 2) {
				page.getByLabel("Make a lesson of part " + part).uncheck();
			}
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make lesson drafts")).click();
		var drafts = page.locator("section[aria-labelledby=drafts-heading] li");
		assertThat(drafts).hasCount(1);
		drafts.first().getByRole(AriaRole.LINK).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("On a phone"))).isVisible();
		var frame = page.frameLocator("iframe[title^='Preview of']");
		assertThat(frame.locator(".preview-note")).containsText("Preview of the draft");
		var audio = frame.locator("audio");
		var start = Double.parseDouble(audio.getAttribute("data-range-start"));
		var end = Double.parseDouble(audio.getAttribute("data-range-end"));
		org.assertj.core.api.Assertions.assertThat(start).as("the rest of the first lesson").isGreaterThan(1);
		org.assertj.core.api.Assertions.assertThat(end).isGreaterThan(start + 1).isLessThan(460);

		// Played, it starts at the part's start, not at the recording's.
		var atPlay = played(audio);
		org.assertj.core.api.Assertions.assertThat(atPlay).isBetween(start, start + 1.5);
		// Sought to just before the end, it stops at the part's end and stays there.
		var stopped = stopsAt(audio, end - 0.8);
		org.assertj.core.api.Assertions.assertThat((Boolean) stopped.get("paused")).isTrue();
		// The browser says where playback is a few times a second (timeupdate), so it stops within one such tick.
		org.assertj.core.api.Assertions.assertThat(((Number) stopped.get("at")).doubleValue()).isBetween(end - 0.05,
				end + 0.3);

		var editor = page.url();
		var violations = new ArrayList<String>(axe("the editor with its preview"));
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-with-preview.png")));
		page.setViewportSize(390, 844);
		page.reload();
		page.locator(".phone-preview").scrollIntoViewIfNeeded();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-with-preview-phone.png")));
		page.navigate(editor.replace("/studio/lessons/", "/lessons/") + "/preview");
		violations.addAll(axe("the preview on its own"));
		// The draft has no question yet: it is finished as a learner finishes it, and the lesson's end shows.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish the lesson")).click();
		assertThat(page.locator("#lesson-end")).containsText("Lesson complete");
		assertThat(page.locator("#lesson-end").getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Take it again"))).isVisible();
		violations.addAll(axe("the end of the preview"));
		org.assertj.core.api.Assertions.assertThat(violations).as(String.join("\n", violations)).isEmpty();
	}

	/** Plays the element (muted, as a page may without a gesture) and answers where it was once playing. */
	private static double played(Locator media) {
		return ((Number) media.evaluate("""
				async (media) => {
					media.muted = true;
					if (media.readyState < 1) await new Promise(r => media.addEventListener('loadedmetadata', r, { once: true }));
					await media.play();
					await new Promise(r => media.addEventListener('timeupdate', r, { once: true }));
					const at = media.currentTime;
					media.pause();
					return at;
				}
				""")).doubleValue();
	}

	/** Seeks to {@code from}, plays, and answers where and whether it stopped within five seconds. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> stopsAt(Locator media, double from) {
		return (Map<String, Object>) media.evaluate("""
				async (media, from) => {
					media.currentTime = from;
					await new Promise(r => media.addEventListener('seeked', r, { once: true }));
					await media.play();
					await new Promise(r => {
						media.addEventListener('pause', r, { once: true });
						setTimeout(r, 5000);
					});
					await new Promise(r => setTimeout(r, 500));
					return { at: media.currentTime, paused: media.paused };
				}
				""", from);
	}

	/** Silence of the given length as a WAV file Chromium plays (8-bit mono at 8 kHz). */
	private static Path silence(Path file, int seconds) throws Exception {
		var format = new AudioFormat(8000, 8, 1, true, false);
		var samples = new byte[seconds * 8000];
		AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length),
				AudioFileFormat.Type.WAVE, file.toFile());
		return file;
	}

	private Locator segments() {
		return page.locator("ol.segments > li");
	}
}
