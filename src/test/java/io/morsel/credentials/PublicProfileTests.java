package io.morsel.credentials;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A learner's public profile: off by default, turned on by the learner, at an address anyone opens without signing
 * in, listing only the credentials the learner chose — never another's, never a hidden or revoked one.
 */
@MorselIntegrationTest
class PublicProfileTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Mastering mastering;

	@Autowired
	Skills skills;

	@Autowired
	Directory directory;

	@Autowired
	Achievements achievements;

	@Autowired
	Awards awards;

	@Autowired
	Profiles profiles;

	@Test
	void aProfileIsOffUntilTheLearnerTurnsItOnAndThenShowsOnlyTheCredentialsTheyChose() throws Exception {
		var learner = mastering.learner("acme");
		var shown = award(learner, "Shown");
		var hidden = award(learner, "Hidden");
		var other = mastering.learner("acme");
		var othersCredential = award(other, "Someone else's");
		assertThat(profiles.of(Learner.of(learner)).visible()).isFalse();
		assertThat(profiles.of(Learner.of(learner)).handle()).isNull();

		mvc.perform(post("/achievements/profile").with(SignedIn.as(learner)).with(csrf()).param("visible", "true")
			.param("shown", shown.id().toString()));

		var settings = mvc.perform(get("/achievements/profile").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();
		var handle = profiles.of(Learner.of(learner)).handle();
		assertThat(settings).contains("/profiles/" + handle);
		var page = Api.on(port).http().get().uri("/profiles/" + handle).retrieve().toEntity(String.class);
		assertThat(page.getStatusCode().value()).as("no sign-in needed").isEqualTo(200);
		assertThat(page.getBody()).contains(shown.achievementName(), "/credentials/" + shown.id())
			.doesNotContain(hidden.achievementName(), othersCredential.achievementName());

		mvc.perform(post("/achievements/profile").with(SignedIn.as(learner)).with(csrf()).param("visible", "false")
			.param("shown", shown.id().toString()));

		assertThat(status("/profiles/" + handle)).as("turned off").isEqualTo(404);
		assertThat(status("/profiles/" + UUID.randomUUID())).isEqualTo(404);
	}

	@Test
	void aLearnerCannotPutAnotherLearnersCredentialOnTheirProfileAndRevokedOnesLeaveIt() throws Exception {
		var learner = mastering.learner("acme");
		var mine = award(learner, "Mine");
		var other = award(mastering.learner("acme"), "Theirs");

		var refused = mvc.perform(post("/achievements/profile").with(SignedIn.as(learner)).with(csrf())
			.param("visible", "true").param("shown", mine.id().toString(), other.id().toString())).andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(profiles.of(Learner.of(learner)).visible()).as("nothing changed").isFalse();

		profiles.change(Learner.of(learner), true, List.of(mine.id()));
		var api = Api.on(port);
		api.post(api.token("admin@acme.test", "acme"), "/api/v1/credentials/" + mine.id() + "/revocation",
				Map.of("reason", "Awarded in error"));

		var page = api.http().get().uri("/profiles/" + profiles.of(Learner.of(learner)).handle()).retrieve()
			.body(String.class);
		assertThat(page).doesNotContain(mine.achievementName()).contains("No credentials shown.");
	}

	private int status(String path) {
		return Api.on(port).http().get().uri(path).retrieve().onStatus(s -> true, (request, response) -> {
		}).toBodilessEntity().getStatusCode().value();
	}

	private Award award(CurrentMember learner, String name) {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var skill = skills.add(author.organisationId(), name + " " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		var achievement = achievements.define(author, new NewAchievement(
				name + " " + UUID.randomUUID().toString().substring(0, 8), "About " + name, "Shows " + name,
				List.of(skill.value()), List.of(), List.of(), null, null));
		var api = Api.on(port);
		api.post(api.token("admin@acme.test", "acme"), "/api/v1/credentials", Map.of("member",
				learner.memberId().value(), "achievement", achievement.id().value(), "reason", "For the profile"));
		return awards.of(Learner.of(learner)).stream()
			.filter(a -> a.achievementId().equals(achievement.id()))
			.findFirst()
			.orElseThrow();
	}
}
