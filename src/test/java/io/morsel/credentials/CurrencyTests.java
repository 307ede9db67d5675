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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Currency (docs/credentials.md): when reinforcement reports that a learner's mastery lapsed, the credentials that
 * mastery earned are suspended — and those stacked on them — and reinstated when mastery returns. Awards by hand and
 * admins' suspensions are left alone.
 */
@MorselIntegrationTest
class CurrencyTests {

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
	void lapsedMasterySuspendsWhatItEarnedAndWhatStacksOnItUntilMasteryReturns() {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var pricingSkill = skill("globex", "Pricing");
		var closingSkill = skill("globex", "Closing");
		var pricing = define(author, "Pricing", List.of(pricingSkill), List.of());
		var closing = define(author, "Closing", List.of(closingSkill), List.of());
		var dealMaker = define(author, "Deal maker", List.of(), List.of(pricing.id(), closing.id()));
		var learner = mastering.learner("globex");
		var now = Instant.now();
		mastering.master(learner, "globex", pricingSkill, now.minus(Duration.ofDays(9)));
		mastering.master(learner, "globex", closingSkill);
		await(() -> status(learner, dealMaker) == AwardStatus.ACTIVE);

		mastering.review(learner, pricingSkill, false, now.minus(Duration.ofDays(4)));

		await(() -> status(learner, dealMaker) == AwardStatus.SUSPENDED);
		var lapsed = award(learner, pricing);
		assertThat(lapsed.status()).isEqualTo(AwardStatus.SUSPENDED);
		assertThat(lapsed.lapsed()).isTrue();
		assertThat(lapsed.statusReason()).startsWith("Mastery lapsed").contains(skillName("globex", pricingSkill));
		assertThat(award(learner, dealMaker).statusReason()).contains(pricing.name());
		assertThat(status(learner, closing)).as("its mastery holds").isEqualTo(AwardStatus.ACTIVE);
		var api = Api.on(port);
		var checks = json.readTree(verify(api, lapsed.credential()));
		assertThat(checks.get("verified").asBoolean()).isFalse();
		assertThat(checks.toString()).contains("Suspended");

		mastering.review(learner, pricingSkill, true, now.minus(Duration.ofDays(1)));

		await(() -> status(learner, dealMaker) == AwardStatus.ACTIVE);
		assertThat(status(learner, pricing)).isEqualTo(AwardStatus.ACTIVE);
		assertThat(award(learner, pricing).statusReason()).isNull();
		assertThat(json.readTree(verify(api, lapsed.credential())).get("verified").asBoolean()).isTrue();
		assertThat(awards.of(Learner.of(learner))).as("reinstated, not issued again").hasSize(3);
	}

	@Test
	void awardsByHandAndAnAdminsSuspensionStayAsTheyAreWhenMasteryLapsesAndReturns() {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var skill = skill("acme", "Mentoring");
		var byHand = define(author, "Mentor", List.of(skill), List.of());
		var underReview = define(author, "Coach", List.of(skill), List.of());
		var marker = define(author, "Guide", List.of(skill), List.of());
		var learner = mastering.learner("acme");
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		api.post(admin, "/api/v1/credentials", Map.of("member", learner.memberId().value(), "achievement",
				byHand.id().value(), "reason", "Mentored three new starters"));
		var now = Instant.now();
		mastering.master(learner, "acme", skill, now.minus(Duration.ofDays(9)));
		await(() -> status(learner, marker) == AwardStatus.ACTIVE && status(learner, underReview) != null);
		api.post(admin, "/api/v1/credentials/" + award(learner, underReview).id() + "/suspension",
				Map.of("reason", "Under review"));

		mastering.review(learner, skill, false, now.minus(Duration.ofDays(4)));
		await(() -> status(learner, marker) == AwardStatus.SUSPENDED);

		assertThat(status(learner, byHand)).isEqualTo(AwardStatus.ACTIVE);
		assertThat(award(learner, underReview).statusReason()).isEqualTo("Under review");

		mastering.review(learner, skill, true, now.minus(Duration.ofDays(1)));
		await(() -> status(learner, marker) == AwardStatus.ACTIVE);

		assertThat(award(learner, underReview).status()).isEqualTo(AwardStatus.SUSPENDED);
		assertThat(award(learner, underReview).statusReason()).isEqualTo("Under review");
		assertThat(status(learner, byHand)).isEqualTo(AwardStatus.ACTIVE);
	}

	private Award award(CurrentMember learner, Achievement achievement) {
		return awards.of(Learner.of(learner)).stream()
			.filter(a -> a.achievementId().equals(achievement.id()))
			.findFirst()
			.orElseThrow();
	}

	private AwardStatus status(CurrentMember learner, Achievement achievement) {
		return awards.of(Learner.of(learner)).stream()
			.filter(a -> a.achievementId().equals(achievement.id()))
			.map(Award::status)
			.findFirst()
			.orElse(null);
	}

	private String verify(Api api, String credential) {
		return api.http().post().uri("/api/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON)
			.body(credential).retrieve().body(String.class);
	}

	private String skillName(String organisation, SkillId skill) {
		return achievements.skillNames(directory.organisation(organisation).orElseThrow()).get(skill);
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
