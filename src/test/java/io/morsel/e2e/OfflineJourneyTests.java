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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lesson read and answered offline in a real browser: the service worker keeps the lesson the learner opened, so it
 * reloads and goes step by step with no network; an answer given then waits on the device, and once the device is
 * back online it is stored exactly once, at the time it was given. axe-core finds nothing serious or critical on the
 * lesson page offline or after. learner@globex.test takes the lesson.
 */
class OfflineJourneyTests extends BrowserTest {

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void anAnswerGivenOfflineIsStoredOnceWithItsTimeWhenTheDeviceIsBackOnline() throws Exception {
		var lesson = publish();
		signIn("learner@globex.test");
		page.navigate(url("/today"));
		page.waitForFunction("() => navigator.serviceWorker.controller !== null");
		page.navigate(url("/lessons/" + lesson.value()));
		assertThat(page.locator("#player-progress-label")).hasText("Step 1 of 3");
		waitUntil("() => caches.match('/lessons/" + lesson.value() + "').then(Boolean)");

		context.setOffline(true);
		var reloaded = page.reload();
		org.assertj.core.api.Assertions.assertThat(reloaded.fromServiceWorker()).as("answered by the worker").isTrue();
		org.assertj.core.api.Assertions.assertThat(reloaded.headers()).containsEntry("morsel-kept-copy", "1");
		assertThat(page.locator("h1")).hasText(lessonTitle);

		page.locator("#step-0").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
		assertThat(page.locator("#player-progress-label")).hasText("Step 2 of 3");
		assertThat(page.locator("#step-1")).isVisible();
		assertThat(page.locator("#step-0")).isHidden();

		var before = Instant.now();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("List")).check();
		page.locator("#interaction-verb button[type=submit]").click();
		var queued = page.locator("#interaction-verb .queued-note");
		assertThat(queued).containsText("Saved on this device");
		assertThat(queued).isFocused();
		assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("List"))).isChecked();
		var after = Instant.now();
		org.assertj.core.api.Assertions.assertThat(axe("an answer queued offline")).isEmpty();
		org.assertj.core.api.Assertions.assertThat(stored(lesson)).as("nothing reaches the server offline").isEmpty();
		var waiting = queue();
		org.assertj.core.api.Assertions.assertThat(waiting).hasSize(1);
		org.assertj.core.api.Assertions.assertThat((String) waiting.getFirst().get("body")).contains("answeredAt=",
				"optionIds=a", "answerKey=");

		// Later, and back online: the queued answer goes once, with the time it was given.
		page.waitForTimeout(2000);
		var online = Instant.now();
		context.setOffline(false);
		assertThat(page.locator("#interaction-verb .verdict")).hasText("Correct.");
		var answers = stored(lesson);
		org.assertj.core.api.Assertions.assertThat(answers).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(answers.getFirst())
			.isBetween(before.minusMillis(1), after.plusMillis(1))
			.isBefore(online.minus(Duration.ofMillis(1500)));
		org.assertj.core.api.Assertions.assertThat(axe("the answer sent once back online")).isEmpty();

		// The same answer sent again (another tab's queue, a reply lost on the way) stores nothing more.
		var status = page.evaluate("""
				async (answer) => (await fetch(answer.path, { method: 'POST', body: new URLSearchParams(answer.body),
					headers: { 'HX-Request': 'true' } })).status
				""", waiting.getFirst());
		org.assertj.core.api.Assertions.assertThat(status).isEqualTo(200);
		org.assertj.core.api.Assertions.assertThat(stored(lesson)).isEqualTo(answers);
		org.assertj.core.api.Assertions.assertThat(queue()).as("the queue, emptied").isEmpty();
	}

	/** The answers waiting on the device (offline.js's queue). */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> queue() {
		return (List<Map<String, Object>>) page.evaluate("""
				() => new Promise((resolve, reject) => {
					const opening = indexedDB.open('morsel-offline', 1);
					opening.onsuccess = () => {
						const all = opening.result.transaction('answers').objectStore('answers').getAll();
						all.onsuccess = () => { opening.result.close(); resolve(all.result); };
						all.onerror = () => reject(all.error);
					};
				})
				""");
	}

	private String lessonTitle;

	private List<Instant> stored(LessonId lesson) {
		var learner = directory.member("learner@globex.test", "globex").orElseThrow();
		return jdbc.sql("""
				SELECT a.answered_at FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND t.user_id = :user
				""")
			.param("lesson", lesson.value())
			.param("user", learner.userId().value())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	private void waitUntil(String predicate) {
		for (int i = 0; i < 100; i++) {
			if (Boolean.TRUE.equals(page.evaluate(predicate))) {
				return;
			}
			page.waitForTimeout(100);
		}
		throw new AssertionError("Never true: " + predicate);
	}

	private LessonId publish() {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		lessonTitle = "Offline " + UUID.randomUUID().toString().substring(0, 6);
		var content = json.readValue(twoQuestionLesson(lessonTitle), LessonContent.class);
		return lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
	}
}
