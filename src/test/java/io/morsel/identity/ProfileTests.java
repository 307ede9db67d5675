package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person's own name, time zone, language and password; pages show dates in that time zone. */
@MorselIntegrationTest
class ProfileTests {

	/** UTC+14 and UTC−11: 25 hours apart, so every instant falls on a different date in each. */
	private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
	private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void savesNameTimeZoneAndLanguage() {
		var email = newcomer("profile");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var saved = browser.post("/profile", Map.of("name", "Pat Renamed", "timeZone", "Asia/Tokyo", "language", "en"));

		assertThat(saved.location()).isEqualTo("/profile");
		assertThat(browser.get("/profile").body()).contains("Your profile has been saved.", "value=\"Pat Renamed\"",
				"<option value=\"Asia/Tokyo\" selected=\"selected\"");
		assertThat(profileOf(email)).isEqualTo(new Profile("Pat Renamed", "Asia/Tokyo", "en"));
		var again = Browser.signedIn(port, email, Newcomers.PASSWORD).get("/profile").body();
		assertThat(again).contains("value=\"Pat Renamed\"", "<option value=\"Asia/Tokyo\" selected=\"selected\"");
	}

	@Test
	void showsDatesInThePersonsTimeZone() {
		var email = newcomer("zoned");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);
		browser.post("/tokens", Map.of("name", "laptop"));
		var created = jdbc.sql("""
				SELECT t.created_at
				FROM api_tokens t
				JOIN users u ON u.id = t.user_id
				WHERE u.email = :email
				""")
			.param("email", email)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		var member = memberIdOf(email);
		var joined = jdbc.sql("SELECT joined_at FROM memberships WHERE id = :id")
			.param("id", member)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();

		browser.post("/profile", Map.of("name", "Zed Zoned", "timeZone", KIRITIMATI.getId(), "language", "en"));
		var tokensEast = browser.get("/tokens").body();
		var personEast = browser.get("/people/" + member).body();
		browser.post("/profile", Map.of("name", "Zed Zoned", "timeZone", PAGO_PAGO.getId(), "language", "en"));
		var tokensWest = browser.get("/tokens").body();
		var personWest = browser.get("/people/" + member).body();

		assertThat(tokensEast).contains("Created " + dateTime(created, KIRITIMATI))
			.doesNotContain("Created " + dateTime(created, PAGO_PAGO));
		assertThat(tokensWest).contains("Created " + dateTime(created, PAGO_PAGO))
			.doesNotContain("Created " + dateTime(created, KIRITIMATI));
		assertThat(personEast).contains("Joined " + date(joined, KIRITIMATI));
		assertThat(personWest).contains("Joined " + date(joined, PAGO_PAGO))
			.doesNotContain("Joined " + date(joined, KIRITIMATI));
	}

	@Test
	void rejectsUnknownTimeZone() {
		var email = newcomer("mars");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = browser.post("/profile", Map.of("name", "Mark Watney", "timeZone", "Mars/Acidalia_Planitia",
				"language", "en"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Choose a time zone from the list.");
		assertThat(profileOf(email)).isEqualTo(new Profile("Pat Profile", "UTC", "en"));
	}

	@Test
	void rejectsUnknownLanguage() {
		var email = newcomer("klingon");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = browser.post("/profile", Map.of("name", "Worf", "timeZone", "Europe/Paris", "language", "tlh"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Choose a language from the list.");
		assertThat(profileOf(email)).isEqualTo(new Profile("Pat Profile", "UTC", "en"));
	}

	@Test
	void rejectsMarkupInTheName() {
		var email = newcomer("markup");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = browser.post("/profile",
				Map.of("name", "<img src=x onerror=alert(1)>", "timeZone", "Europe/Paris", "language", "en"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("must be plain text").doesNotContain("<img src=x");
		assertThat(profileOf(email)).isEqualTo(new Profile("Pat Profile", "UTC", "en"));
		assertThat(browser.get("/profile").body()).contains("value=\"Pat Profile\"");
	}

	@Test
	void passwordChangeNeedsTheCurrentPassword() {
		var email = newcomer("password");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = browser.post("/profile/password", Map.of("currentPassword", "not my password", "newPassword",
				"my next password", "confirmation", "my next password"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("That is not the current password.");
		assertThat(new Browser(port).signIn(email, "my next password").location()).isEqualTo("/sign-in?error=credentials");

		var changed = browser.post("/profile/password", Map.of("currentPassword", Newcomers.PASSWORD, "newPassword",
				"my next password", "confirmation", "my next password"));

		assertThat(changed.location()).isEqualTo("/profile");
		assertThat(browser.get("/profile").body()).contains("Your password has been changed.");
		assertThat(new Browser(port).signIn(email, "my next password").location()).isEqualTo("/");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=credentials");
	}

	@Test
	void passwordChangeNeedsMatchingConfirmation() {
		var email = newcomer("confirm");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = browser.post("/profile/password", Map.of("currentPassword", Newcomers.PASSWORD, "newPassword",
				"my next password", "confirmation", "my other password"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("The two passwords differ.");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
	}

	record Profile(String name, String timeZone, String language) {
	}

	private Profile profileOf(String email) {
		return jdbc.sql("SELECT name, time_zone, language FROM users WHERE email = :email")
			.param("email", email)
			.query(Profile.class)
			.single();
	}

	private UUID memberIdOf(String email) {
		return jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE u.email = :email
				""")
			.param("email", email)
			.query(UUID.class)
			.single();
	}

	private String newcomer(String who) {
		var email = Newcomers.email(who, "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Pat Profile", "LEARNER");
		return email;
	}

	private static String dateTime(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(Locale.ENGLISH)
			.format(instant.atZone(zone));
	}

	private static String date(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(instant.atZone(zone));
	}
}
