package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Csrf;
import io.morsel.support.People;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Learners choose their channels, pause, snooze and rhythm on a plain form; administrators set the defaults. */
@MorselIntegrationTest
class DeliverySettingsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Cadences cadences;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLearnerTurnsEmailOffSnoozesAndSetsQuietHours() throws Exception {
		var learner = People.learner(jdbc, directory, "acme", "Europe/Berlin", "Sam Settings");
		var page = mvc.perform(get("/delivery/settings").with(SignedIn.as(learner))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<label for=\"quietHours\"", "<legend");

		var saved = mvc.perform(post("/delivery/settings").with(SignedIn.as(learner)).with(Csrf.csrf())
			.param("inApp", "true").param("snoozeDays", "3").param("quietHours", "22:00-06:00")
			.param("maxPerDay", "2").param("weekdaysOnly", "no")).andReturn().getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/delivery/settings");
		var choices = cadences.choices(learner.organisationId(), learner.userId());
		assertThat(choices.email()).isFalse();
		assertThat(choices.inApp()).isTrue();
		assertThat(choices.snoozedUntil()).isAfter(Instant.now().plus(Duration.ofDays(2)));
		var cadence = cadences.of(learner.organisationId(), learner.userId(), learner.zone(), null);
		assertThat(cadence.policy().quietHours()).isEqualTo(QuietHours.parse("22:00-06:00"));
		assertThat(cadence.policy().maxPerDay()).isEqualTo(2);
		assertThat(cadence.policy().weekdaysOnly()).isFalse();
	}

	@Test
	void aMalformedRhythmIsRefusedBesideTheForm() throws Exception {
		var learner = People.learner(jdbc, directory, "acme", "UTC", "Rita Refused");
		var refused = mvc.perform(post("/delivery/settings").with(SignedIn.as(learner)).with(Csrf.csrf())
			.param("email", "true").param("quietHours", "all night")).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("role=\"alert\"", "such as 08:00-09:00", "all night");
		assertThat(cadences.choices(learner.organisationId(), learner.userId()).email()).isTrue();
	}

	@Test
	void onlyAdministratorsSetTheOrganisationsDefaults() throws Exception {
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();
		var learner = directory.member("learner@globex.test", "globex").orElseThrow();
		assertThat(mvc.perform(get("/delivery/organisation").with(SignedIn.as(admin))).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/delivery/organisation").with(SignedIn.as(learner))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		var saved = mvc.perform(post("/delivery/organisation").with(SignedIn.as(admin)).with(Csrf.csrf())
			.param("floorDays", "5")).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/delivery/organisation");
		assertThat(cadences.settings(admin.organisationId(), Cadences.Level.ORGANISATION, admin.organisationId().value())
			.floorDays()).isEqualTo(5);
	}
}
