package io.morsel.credentials;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.web.servlet.MockMvc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Currency (docs/credentials.md): when reinforcement reports that a learner's mastery lapsed, they are told by mail
 * and on their achievements page; after the achievement's grace period the credentials that mastery earned are
 * suspended — and those stacked on them — unless mastery returned first, and reinstated when it returns. Awards by
 * hand and admins' suspensions are left alone.
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

	@Autowired
	GraceExpiry graceExpiry;

	@Autowired
	MockMvc mvc;

	@Test
	void lapsedMasteryWarnsTheHolderAndSuspendsWhatItEarnedAndWhatStacksOnItOnlyAfterTheGracePeriod() throws Exception {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var pricingSkill = skill("globex", "Pricing");
		var closingSkill = skill("globex", "Closing");
		var pricing = define(author, "Pricing", List.of(pricingSkill), List.of(), null);
		var closing = define(author, "Closing", List.of(closingSkill), List.of(), null);
		var dealMaker = define(author, "Deal maker", List.of(), List.of(pricing.id(), closing.id()), null);
		var learner = mastering.learner("globex");
		var now = Instant.now();
		mastering.master(learner, "globex", pricingSkill, now.minus(Duration.ofDays(9)));
		mastering.master(learner, "globex", closingSkill);
		await(() -> status(learner, dealMaker) == AwardStatus.ACTIVE);

		mastering.review(learner, pricingSkill, false, now.minus(Duration.ofDays(4)));

		await(() -> award(learner, dealMaker).lapseDueAt() != null);
		var warned = award(learner, pricing);
		assertThat(warned.status()).as("still current during the grace period").isEqualTo(AwardStatus.ACTIVE);
		assertThat(warned.lapseDueAt()).isBetween(now.plus(Duration.ofDays(29)), now.plus(Duration.ofDays(31)));
		assertThat(award(learner, closing).lapseDueAt()).as("its mastery holds").isNull();
		var listed = json.readTree(mvc.perform(get("/api/v1/credentials").with(SignedIn.as(learner))).andReturn()
			.getResponse()
			.getContentAsString());
		for (var credential : listed) {
			var achievement = credential.get("achievementId").asString();
			assertThat(credential.get("suspendsAt").isNull())
				.as("the API says when %s is suspended", credential.get("achievement").asString())
				.isEqualTo(achievement.equals(closing.id().value().toString()));
		}
		var api = Api.on(port);
		assertThat(json.readTree(verify(api, warned.credential())).get("verified").asBoolean()).isTrue();
		var mail = mailTo(learner, pricing.name());
		assertThat(mail).contains(skillName("globex", pricingSkill), "/review", "/achievements");
		graceExpiry.suspendDue(now.plus(Duration.ofDays(29)));
		assertThat(status(learner, pricing)).as("not due yet").isEqualTo(AwardStatus.ACTIVE);

		graceExpiry.suspendDue(now.plus(Duration.ofDays(31)));

		var lapsed = award(learner, pricing);
		assertThat(lapsed.status()).isEqualTo(AwardStatus.SUSPENDED);
		assertThat(lapsed.lapsed()).isTrue();
		assertThat(lapsed.lapseDueAt()).isNull();
		assertThat(lapsed.statusReason()).startsWith("Mastery lapsed").contains(skillName("globex", pricingSkill));
		assertThat(status(learner, dealMaker)).isEqualTo(AwardStatus.SUSPENDED);
		assertThat(award(learner, dealMaker).statusReason()).contains(pricing.name());
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
	void masteryReturningWithinTheGracePeriodCallsOffTheSuspension() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var skill = skill("acme", "Forecasting");
		var forecaster = define(author, "Forecaster", List.of(skill), List.of(), 7);
		var learner = mastering.learner("acme");
		var now = Instant.now();
		mastering.master(learner, "acme", skill, now.minus(Duration.ofDays(9)));
		await(() -> status(learner, forecaster) == AwardStatus.ACTIVE);
		mastering.review(learner, skill, false, now.minus(Duration.ofDays(4)));
		await(() -> award(learner, forecaster).lapseDueAt() != null);
		assertThat(award(learner, forecaster).lapseDueAt()).isBefore(now.plus(Duration.ofDays(8)));
		assertThat(mailTo(learner, forecaster.name())).contains("/review");

		mastering.review(learner, skill, true, now.minus(Duration.ofDays(1)));
		await(() -> award(learner, forecaster).lapseDueAt() == null);
		graceExpiry.suspendDue(now.plus(Duration.ofDays(8)));

		assertThat(status(learner, forecaster)).isEqualTo(AwardStatus.ACTIVE);
		var page = mvc.perform(get("/achievements").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("Review before");
	}

	@Test
	void theLearnersPageSaysByWhenToReviewDuringTheGracePeriod() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var skill = skill("acme", "Budgeting");
		var budgeter = define(author, "Budgeter", List.of(skill), List.of(), 10);
		var learner = mastering.learner("acme");
		var now = Instant.now();
		mastering.master(learner, "acme", skill, now.minus(Duration.ofDays(9)));
		await(() -> status(learner, budgeter) == AwardStatus.ACTIVE);
		mastering.review(learner, skill, false, now.minus(Duration.ofDays(4)));
		await(() -> award(learner, budgeter).lapseDueAt() != null);

		var page = mvc.perform(get("/achievements").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("Review before", "href=\"/review\"").doesNotContain("Suspended:");
	}

	@Test
	void awardsByHandAndAnAdminsSuspensionStayAsTheyAreWhenMasteryLapsesAndReturns() {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var skill = skill("acme", "Mentoring");
		var byHand = define(author, "Mentor", List.of(skill), List.of(), 0);
		var underReview = define(author, "Coach", List.of(skill), List.of(), 0);
		var marker = define(author, "Guide", List.of(skill), List.of(), 0);
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

	private Achievement define(CurrentMember author, String name, List<SkillId> skills, List<AchievementId> required,
			Integer graceDays) {
		return achievements.define(author, new NewAchievement(name + " " + UUID.randomUUID().toString().substring(0, 8),
				"About " + name, "Shows " + name, skills.stream().map(SkillId::value).toList(),
				required.stream().map(AchievementId::value).toList(), List.of(), null, null, null, null, graceDays));
	}

	/** The text of the one mail to the learner whose subject names the achievement, once it has arrived. */
	private String mailTo(CurrentMember learner, String achievement) throws Exception {
		var address = directory.recipient(learner.organisationId(), learner.userId()).orElseThrow().email();
		await(() -> mails(address, achievement).size() == 1);
		return (String) mails(address, achievement).getFirst().getContent();
	}

	private static List<MimeMessage> mails(String address, String achievement) {
		return Arrays.stream(TestInfrastructure.mail().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))
						&& m.getSubject().contains(achievement);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private SkillId skill(String organisation, String name) {
		return skills.add(directory.organisation(organisation).orElseThrow(),
				name + " " + UUID.randomUUID().toString().substring(0, 8), null, null).id();
	}
}
