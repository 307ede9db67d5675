package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.catalog.Skills;
import io.morsel.credentials.Achievements;
import io.morsel.credentials.Awards;
import io.morsel.credentials.NewAchievement;
import io.morsel.identity.Directory;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner finds a credential they were awarded on their achievements page, by keyboard opens its public page, which
 * verifies it, and downloads its JSON; the page and its links work with JavaScript turned off.
 */
class AchievementsJourneyTests extends BrowserTest {

	@Autowired
	Directory directory;

	@Autowired
	Skills skills;

	@Autowired
	Achievements achievements;

	@Autowired
	Awards awards;

	@Autowired
	JsonMapper json;

	@Test
	void aLearnerOpensSharesAndDownloadsACredentialByKeyboard() throws Exception {
		var name = awardedToTheDemoLearner("globex");
		signIn("learner@globex.test");

		page.navigate(url("/achievements"));

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Your achievements");
		var card = page.getByRole(AriaRole.LISTITEM).filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))));
		assertThat(card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Add to LinkedIn profile " + name)))
			.hasAttribute("href", java.util.regex.Pattern.compile(
					"^https://www\\.linkedin\\.com/profile/add\\?startTask=CERTIFICATION_NAME&name=.*&certUrl=.*"));
		var download = page.waitForDownload(() -> card.getByRole(AriaRole.LINK,
				new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Download JSON (Open Badges 3.0) "
						+ name)).click());
		var credential = json.readTree(Files.readString(download.path()));
		assertThat(credential.get("credentialSubject").get("achievement").get("name").asString()).isEqualTo(name);

		var publicPage = card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Public page " + name));
		tabTo(publicPage);
		page.keyboard().press("Enter");

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Verified just now");
	}

	@Test
	void thePageWorksWithoutJavaScript() {
		var name = awardedToTheDemoLearner("acme");
		var plain = context.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		try {
			page = plain.newPage();
			signIn("learner@acme.test");
			page.navigate(url("/achievements"));

			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Public page " + name)).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Verified just now");
		}
		finally {
			plain.close();
		}
	}

	/** A new achievement, awarded by hand to the organisation's demo learner; its name. */
	private String awardedToTheDemoLearner(String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var admin = directory.member("admin@" + organisation + ".test", organisation).orElseThrow();
		var learner = directory.member("learner@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Journey " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		var achievement = achievements.define(author, new NewAchievement(
				"Journey " + UUID.randomUUID().toString().substring(0, 8), "Shown and shared", "An admin says so",
				List.of(skill.value()), List.of(), List.of(), null, null));
		awards.awardByHand(admin, learner.memberId(), achievement.id(), "Walked the journey");
		return achievement.name();
	}
}
