package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import io.morsel.identity.Directory;
import io.morsel.identity.Newcomers;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each role lands on its home; another organisation's page is not found; repeated wrong passwords are throttled. */
class SignInJourneyTests extends BrowserTest {

	@Autowired
	Directory directory;

	@ParameterizedTest
	@CsvSource({ "learner@acme.test, /today, Today", "author@acme.test, /studio, Studio",
			"manager@acme.test, /team, Your team", "admin@acme.test, /admin, Administer Acme Analytics" })
	void eachRoleSignsInAndLandsOnItsHome(String email, String home, String heading) {
		signIn(email);

		assertThat(page).hasURL(url(home));
		assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
			.hasText(heading);

		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page).hasURL(url("/sign-in?signed-out"));
		page.navigate(url(home));
		assertThat(page).hasURL(url("/sign-in"));
	}

	@Test
	void aLearnerOpeningAnotherOrganisationsPageGetsNotFoundLikeAMissingOne() {
		var globex = directory.organisation("globex").orElseThrow();
		var globexPerson = directory.people(globex).getFirst();
		signIn("learner@acme.test");

		var foreign = page.navigate(url("/people/" + globexPerson.id().value()));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(page.getByRole(AriaRole.HEADING)).hasText("Not found");
		var missing = page.navigate(url("/people/" + UUID.randomUUID()));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(page.locator("main").innerText()).isEqualTo(page.locator("main").innerText());
		assertThat(page.getByRole(AriaRole.NAVIGATION)).isVisible();
	}

	/** A newcomer of its own: the lock lasts 15 minutes in the database every test shares. */
	@Test
	void fiveWrongPasswordsPauseSignInEvenWithTheRightOneAfterwards() {
		var email = Newcomers.email("locked", "globex.test");
		Newcomers.join(port, "admin@globex.test", email, "Lockwood Out", "MANAGER");
		for (int attempt = 1; attempt <= 4; attempt++) {
			signIn(email, "wrong-password-" + attempt);
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("That email and password do not match an account.");
		}
		signIn(email, "wrong-password-5");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Too many failed attempts");

		signIn(email, Newcomers.PASSWORD);
		assertThat(page).hasURL(url("/sign-in?error=locked"));
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("try again in 15 minutes");
	}

	@Test
	void someoneInTwoOrganisationsSwitchesBetweenThem() {
		signIn("consultant@morsel.test");
		assertThat(page).hasURL(url("/today"));

		page.getByLabel("Organisation").selectOption("globex");
		page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Switch")).click();

		assertThat(page).hasURL(url("/studio"));
		assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Switched organisation.");
		assertThat(page.getByLabel("Organisation")).hasValue("globex");
	}

	@Test
	void signingInWorksWithTheKeyboardAloneAndTheSkipLinkJumpsToTheContent() {
		page.navigate(url("/sign-in"));
		assertThat(page.getByLabel("Email")).isFocused();
		page.keyboard().type("author@globex.test");
		page.keyboard().press("Tab");
		page.keyboard().type(PASSWORD);
		page.keyboard().press("Enter");
		assertThat(page).hasURL(url("/studio"));

		page.keyboard().press("Tab");
		assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Skip to content")))
			.isFocused();
		page.keyboard().press("Enter");
		assertThat(page.locator("#main")).isFocused();
	}
}
