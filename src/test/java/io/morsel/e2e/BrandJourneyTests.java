package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.Directory;
import io.morsel.support.People;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin brands their organisation in a real browser: colours that fail contrast are refused on the form with their
 * ratio, colours that pass and a logo then dress every page of the organisation (the buttons, the header), and axe-core
 * finds nothing serious or critical on the brand page or on a learner's Today and catalog, on a wide screen and on a
 * phone. The learner sees the program's cover (a pattern in the brand's colours) and why to take it, not the business
 * outcome, which is for managers.
 * Screenshots land in target/screenshots.
 */
class BrandJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final String LOGO = """
			<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 36" width="120" height="36">
			  <rect width="36" height="36" rx="8" fill="#7a1f5c"/>
			  <circle cx="18" cy="18" r="9" fill="#ffffff"/>
			  <text x="44" y="25" font-family="sans-serif" font-size="18" font-weight="700" fill="#1b2430">Plum</text>
			</svg>""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void anAdminsBrandDressesEveryPageAndAxeStaysClean() throws IOException {
		var slug = "plum-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Plum Logistics", OffsetDateTime.now()).update();
		var admin = withPassword(People.member(jdbc, directory, slug, "UTC", "Ada Admin", "ADMIN").email());
		var learner = withPassword(People.learner(jdbc, directory, slug, "UTC", "Lee Learner").email());
		var author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		var lesson = lessons.create(author, json.readValue(twoQuestionLesson("Plan a route"), LessonContent.class))
			.lessonId();
		lessons.publish(author, lesson);
		var program = programs.create(author.organisationId(), "routes", "Route planning", "Drivers plan a day's "
				+ "route in ten minutes", null, true, List.of(lesson));
		programs.explain(author.organisationId(), program.id(), "Plan the day before it starts, and get home earlier");

		signIn(admin);
		page.navigate(url("/admin"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logo and brand colours")).click();
		page.getByLabel("Primary colour").fill("#d96aa7");
		page.getByLabel("Accent colour").fill("#0b7a75");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save colours")).click();

		assertThat(page.locator("#primary-error")).containsText("contrast ratio of 3.19:1 with the white text of buttons");
		assertThat(page.getByLabel("Primary colour")).hasAttribute("aria-invalid", "true");
		org.assertj.core.api.Assertions.assertThat(axe("the brand page with a refused colour")).isEmpty();

		page.getByLabel("Primary colour").fill("#7a1f5c");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save colours")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Colours saved.");
		page.getByLabel("Logo file").setInputFiles(new FilePayload("plum.svg", "image/svg+xml",
				LOGO.getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload logo")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Logo saved.");

		var button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save colours"));
		org.assertj.core.api.Assertions.assertThat(button.evaluate("b => getComputedStyle(b).backgroundColor"))
			.isEqualTo("rgb(122, 31, 92)");
		var home = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plum Logistics, home"));
		assertThat(home.locator("img")).isVisible();
		org.assertj.core.api.Assertions.assertThat(home.locator("img").evaluate("i => i.naturalWidth"))
			.as("the logo loads").isEqualTo(120);
		org.assertj.core.api.Assertions.assertThat(axe("the brand page, branded")).isEmpty();
		screenshot("brand-settings-desktop");
		page.setViewportSize(390, 844);
		screenshot("brand-settings-phone");

		context.clearCookies();
		page.setViewportSize(1280, 800);
		signIn(learner);
		page.navigate(url("/today"));
		org.assertj.core.api.Assertions.assertThat(page.locator(".site-header").evaluate(
				"h => getComputedStyle(h).borderTopColor")).isEqualTo("rgb(11, 122, 117)");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plum Logistics, home")))
			.isVisible();
		assertThat(page.locator(".card").filter(new Locator.FilterOptions().setHasText("Route planning")))
			.containsText("1 lesson, 2 minutes");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this program: Route planning")).click();
		page.navigate(url("/today"));
		var card = page.locator(".program-card").filter(new Locator.FilterOptions().setHasText("Route planning"));
		assertThat(card).containsText("1 lesson, 2 minutes");
		assertThat(card.locator("progress")).isVisible();
		org.assertj.core.api.Assertions.assertThat(card.locator("progress").evaluate(
				"p => getComputedStyle(p).borderTopColor")).as("the empty bar's outline").isEqualTo("rgb(74, 85, 101)");
		assertThat(card).containsText("Plan the day before it starts");
		assertThat(card).not().containsText("Drivers plan a day's route");
		// The program's own cover; its next lesson has one of its own, further in.
		var cover = card.locator(":scope > img.cover");
		seesCover(cover);
		org.assertj.core.api.Assertions.assertThat(axe("Today, branded, on a wide screen")).isEmpty();
		screenshot("brand-today-desktop");
		page.setViewportSize(390, 844);
		page.reload();
		seesCover(cover);
		org.assertj.core.api.Assertions.assertThat(axe("Today, branded, on a phone")).isEmpty();
		screenshot("brand-today-phone");

		page.setViewportSize(1280, 800);
		page.navigate(url("/catalog"));
		var shelved = page.locator(".covered-card").filter(new Locator.FilterOptions().setHasText("Route planning"));
		seesCover(shelved.locator("img.cover"));
		org.assertj.core.api.Assertions.assertThat(axe("the catalog with covers, on a wide screen")).isEmpty();
		screenshot("cover-catalog-desktop");
		page.setViewportSize(390, 844);
		page.reload();
		seesCover(shelved.locator("img.cover"));
		org.assertj.core.api.Assertions.assertThat(axe("the catalog with covers, on a phone")).isEmpty();
		screenshot("cover-catalog-phone");
	}

	/**
	 * The cover is decoration beside the program's title (an empty alternative text), its box is set before it loads
	 * (nothing moves), and it loads: the pattern in the organisation's colours.
	 */
	private void seesCover(Locator cover) {
		cover.scrollIntoViewIfNeeded();
		assertThat(cover).isVisible();
		assertThat(cover).hasAttribute("alt", "");
		assertThat(cover).hasAttribute("loading", "lazy");
		assertThat(cover).hasAttribute("width", "320");
		assertThat(cover).hasAttribute("height", "180");
		page.waitForFunction("i => i.complete && i.naturalWidth > 0", cover.elementHandle());
		org.assertj.core.api.Assertions.assertThat(cover.evaluate("i => i.naturalWidth")).as("the cover loads")
			.isEqualTo(320);
	}

	private String withPassword(String email) {
		jdbc.sql("UPDATE users SET password_hash = ? WHERE email = ?").params(passwords.encode(PASSWORD), email)
			.update();
		return email;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
	}
}
