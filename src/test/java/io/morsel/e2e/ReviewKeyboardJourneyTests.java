package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner does the daily review with the keyboard alone: from Today's Review card, two questions, each answered
 * with the arrow keys and Enter, the feedback swapped in, on to the next, until the review is done; axe finds no
 * serious or critical violation on the way. The learner is the journey's own, with two cards due.
 */
class ReviewKeyboardJourneyTests extends BrowserTest {

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	MockMvc mvc;

	String email;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@BeforeEach
	void twoCardsDue() throws Exception {
		email = "reviewer-" + UUID.randomUUID() + "@globex.test";
		var user = UUID.randomUUID();
		var membership = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO users (id, email, name, password_hash, time_zone, language, created_at)
				VALUES (:id, :email, 'Kay Board', :hash, 'UTC', 'en', :now)
				""").param("id", user).param("email", email).param("hash", passwords.encode(PASSWORD)).param("now", now)
			.update();
		jdbc.sql("""
				INSERT INTO memberships (id, organisation_id, user_id, joined_at)
				SELECT :id, id, :user, :now FROM organisations WHERE slug = 'globex'
				""").param("id", membership).param("user", user).param("now", now).update();
		jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (:id, 'LEARNER')").param("id", membership)
			.update();
		var learner = directory.member(email, "globex").orElseThrow();
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		String lesson;
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(in.readAllBytes());
			tree.putArray("skills");
			var created = lessons.create(author, json.treeToValue(tree, LessonContent.class));
			lesson = lessons.publish(author, created.lessonId()).lessonId().value().toString();
		}
		answer(learner, lesson, "verb");
		answer(learner, lesson, "case");
		var until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (cards(user) < 2 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		// The verb question first, then the case.
		jdbc.sql("UPDATE review_cards SET due = :due WHERE user_id = :user AND interaction_id = 'verb'")
			.param("due", now.minusHours(2)).param("user", user).update();
		jdbc.sql("UPDATE review_cards SET due = :due WHERE user_id = :user AND interaction_id = 'case'")
			.param("due", now.minusHours(1)).param("user", user).update();
		io.morsel.support.DueReviews.kept(jdbc, user);
	}

	@Test
	void aLearnerDoesTheDailyReviewWithTheKeyboardAlone() throws IOException {
		var violations = new ArrayList<String>();
		page.navigate(url("/sign-in"));
		page.keyboard().type(email);
		page.keyboard().press("Tab");
		page.keyboard().type(PASSWORD);
		page.keyboard().press("Enter");
		assertThat(page).hasURL(url("/today"));
		assertThat(page.locator(".review-card")).containsText("2 questions, about 1 minute");
		violations.addAll(axe("/today with a review due"));

		tabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start the review")));
		page.keyboard().press("Enter");
		assertThat(page).hasURL(url("/review"));
		violations.addAll(axe("/review"));

		pick("List");
		submit();
		assertThat(page.locator("#review-item .verdict")).hasText("Correct.");
		assertThat(page.locator("#review-item")).containsText("Observable verbs make objectives measurable.");
		violations.addAll(axe("/review after an answer"));
		next();

		pick("What should people be able to do after it?");
		submit();
		assertThat(page.locator("#review-item .verdict")).hasText("Correct.");
		next();

		assertThat(page.locator(".review")).containsText("Done for today.");
		page.navigate(url("/today"));
		assertThat(page.locator(".review-card")).hasCount(0);
		org.assertj.core.api.Assertions.assertThat(violations).as(String.join("\n", violations)).isEmpty();
	}

	/** Tab into the options, then Space and the arrow keys until the option is chosen. */
	private void pick(String option) {
		var radios = page.locator("#review-item input[name=optionIds]");
		tabTo(radios.first());
		page.keyboard().press("Space");
		var wanted = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(option));
		for (int i = 0; i < 10 && !wanted.isChecked(); i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(wanted).isChecked();
	}

	private void submit() {
		tabTo(page.locator("#review-item button[type=submit]"));
		page.keyboard().press("Enter");
		assertThat(page.locator("#review-item .feedback")).isVisible();
	}

	private void next() {
		Locator next = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next").setExact(true));
		tabTo(next);
		page.keyboard().press("Enter");
		page.waitForLoadState();
	}

	private void answer(CurrentMember learner, String lesson, String interaction) throws Exception {
		mvc.perform(get("/lessons/" + lesson).with(SignedIn.as(learner)));
		mvc.perform(post("/lessons/" + lesson + "/answers/" + interaction).param("optionIds", "b")
			.with(SignedIn.as(learner)).with(csrf()));
	}

	private int cards(UUID user) {
		return jdbc.sql("SELECT count(*) FROM review_cards WHERE user_id = :user").param("user", user)
			.query(Integer.class).single();
	}
}
