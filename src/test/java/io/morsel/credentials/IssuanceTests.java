package io.morsel.credentials;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials are issued when mastery meets an achievement's rule, through the publication log, and achievements
 * that stack on it follow in turn; an admin awards by hand with a reason. Holders and their organisation's admins
 * read a credential; anyone else is told it does not exist.
 */
@MorselIntegrationTest
class IssuanceTests {

	@LocalServerPort
	int port;

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
	JsonMapper json;

	@Test
	void masteryEarnsAnAchievementAndThenTheOneThatStacksOnIt() {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var first = skill("globex", "Pricing");
		var second = skill("globex", "Closing");
		var pricing = define(author, "Pricing", List.of(first), List.of());
		var closing = define(author, "Closing", List.of(second), List.of());
		var dealMaker = define(author, "Deal maker", List.of(), List.of(pricing.id(), closing.id()));
		var learner = mastering.learner("globex");

		mastering.master(learner, "globex", first);
		await(() -> held(learner).contains(pricing.id()));
		assertThat(held(learner)).doesNotContain(closing.id(), dealMaker.id());

		mastering.master(learner, "globex", second);
		await(() -> held(learner).contains(dealMaker.id()));
		assertThat(held(learner)).containsExactlyInAnyOrder(pricing.id(), closing.id(), dealMaker.id());
		assertThat(awards.awardEarned(Learner.of(learner))).as("nothing is awarded twice").isEmpty();

		var stacked = awards.of(Learner.of(learner)).stream()
			.filter(a -> a.achievementId().equals(dealMaker.id()))
			.findFirst()
			.orElseThrow();
		var credential = json.readTree(stacked.credential());
		assertThat(credential.get("evidence").toString()).contains("Holds " + pricing.name(), "Holds " + closing.name());
		var byMastery = json.readTree(awards.of(Learner.of(learner)).stream()
			.filter(a -> a.achievementId().equals(pricing.id()))
			.findFirst()
			.orElseThrow()
			.credential());
		assertThat(byMastery.get("evidence").get(0).get("narrative").asString()).contains("predicted recall",
				"memory stability");
	}

	@Test
	void theHolderAndTheirAdminsReadTheSignedCredentialAndNobodyElse() {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var skill = skill("globex", "Forecasting");
		var achievement = define(author, "Forecaster", List.of(skill), List.of());
		var learner = mastering.learner("globex");
		mastering.master(learner, "globex", skill);
		await(() -> held(learner).contains(achievement.id()));
		var id = awards.of(Learner.of(learner)).getFirst().id();
		var api = Api.on(port);

		var adminRead = api.get(api.token("admin@globex.test", "globex"), "/api/v1/credentials/" + id);

		assertThat(adminRead.getStatusCode()).isEqualTo(HttpStatus.OK);
		var credential = json.readTree(adminRead.getBody());
		assertThat(credential.get("type").toString()).contains("OpenBadgeCredential");
		assertThat(credential.get("issuer").get("id").asString()).endsWith(":credentials:issuers:globex");
		assertThat(credential.get("credentialSubject").get("achievement").get("name").asString())
			.isEqualTo(achievement.name());
		assertThat(credential.get("proof").get("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
		assertThat(credential.has("validUntil")).as("no validity period, no expiry").isFalse();
		assertThat(credential.get("proof").get("verificationMethod").asString())
			.startsWith(credential.get("issuer").get("id").asString() + "#key-");
		assertThat(api.get(api.token("learner@globex.test", "globex"), "/api/v1/credentials/" + id).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(api.token("admin@acme.test", "acme"), "/api/v1/credentials/" + id).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(api.token("admin@globex.test", "globex"), "/api/v1/credentials/" + UUID.randomUUID())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void anAdminAwardsByHandWithAReasonOnceAndLearnersMayNot() {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var achievement = define(author, "Mentor", List.of(skill("acme", "Mentoring")), List.of());
		var learner = mastering.learner("acme");
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var body = Map.of("member", learner.memberId().value(), "achievement", achievement.id().value(), "reason",
				"Mentored three new starters through onboarding");

		var awarded = api.post(admin, "/api/v1/credentials", body);

		assertThat(awarded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var summary = json.readTree(awarded.getBody());
		assertThat(summary.get("reason").asString()).isEqualTo("Mentored three new starters through onboarding");
		assertThat(summary.get("page").asString()).endsWith("/credentials/" + summary.get("id").asString());
		assertThat(api.post(admin, "/api/v1/credentials", body).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(api.post(admin, "/api/v1/credentials", Map.of("member", learner.memberId().value(), "achievement",
				achievement.id().value(), "reason", " ")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.post(api.token("learner@acme.test", "acme"), "/api/v1/credentials", body).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		var evidence = json.readTree(awards.of(Learner.of(learner)).getFirst().credential()).get("evidence").get(0);
		assertThat(evidence.get("narrative").asString()).isEqualTo("Mentored three new starters through onboarding");
	}

	@Test
	void aLearnerListsOnlyTheirOwnCredentials() {
		var api = Api.on(port);
		var answer = api.get(api.token("learner@acme.test", "acme"), "/api/v1/credentials");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		var expected = awards.of(Learner.of(learner)).size();
		assertThat(json.readTree(answer.getBody()).size()).isEqualTo(expected);
	}

	private List<AchievementId> held(CurrentMember learner) {
		var ids = new ArrayList<AchievementId>();
		awards.of(Learner.of(learner)).forEach(a -> ids.add(a.achievementId()));
		return ids;
	}

	private Achievement define(CurrentMember author, String name, List<SkillId> skills, List<AchievementId> required) {
		return achievements.define(author, new NewAchievement(name + " " + UUID.randomUUID().toString().substring(0, 8),
				"About " + name, "Shows " + name, skills.stream().map(SkillId::value).toList(),
				required.stream().map(AchievementId::value).toList(), List.of(), null, null));
	}

	private SkillId skill(String organisation, String name) {
		return skills.add(directory.organisation(organisation).orElseThrow(),
				name + " " + UUID.randomUUID().toString().substring(0, 8), null, null).id();
	}
}
