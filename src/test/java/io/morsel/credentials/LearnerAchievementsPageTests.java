package io.morsel.credentials;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.Mastering;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The learner's achievements page: what they hold, with its public page, downloads and LinkedIn links, and the path
 * ahead — what each larger credential still needs, and the lessons that teach a skill still to master.
 */
@MorselIntegrationTest
class LearnerAchievementsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Mastering mastering;

	@Autowired
	Skills skills;

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	Achievements achievements;

	@Autowired
	Awards awards;

	@Autowired
	PublicLinks links;

	@Autowired
	JsonMapper json;

	@Test
	void aLearnerSeesWhatTheyHoldHowToShareItAndWhatTheLargerCredentialStillNeeds() throws Exception {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var pricingSkill = skill(author, "Pricing " + suffix);
		var closingSkill = skill(author, "Closing " + suffix);
		var pricing = define(author, "Pricing " + suffix, List.of(pricingSkill), List.of());
		var closing = define(author, "Closing " + suffix, List.of(closingSkill), List.of());
		var dealMaker = define(author, "Deal maker " + suffix, List.of(), List.of(pricing.id(), closing.id()));
		var lesson = lesson(author, "Closing the deal " + suffix, "Closing " + suffix);
		var learner = mastering.learner("globex");
		mastering.master(learner, "globex", pricingSkill);
		await(() -> !awards.of(Learner.of(learner)).isEmpty());
		var award = awards.of(Learner.of(learner)).getFirst();

		var page = mvc.perform(get("/achievements").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();

		var held = page.substring(page.indexOf("id=\"held\""), page.indexOf("id=\"next\""));
		var next = page.substring(page.indexOf("id=\"next\""));
		assertThat(held).contains("Held (1)", pricing.name(), "Counts toward: " + dealMaker.name(),
				"href=\"/credentials/" + award.id() + "\"", "href=\"/credentials/" + award.id() + "/credential.json\"",
				"href=\"/credentials/" + award.id() + "/credential.jwt\"")
			.doesNotContain(closing.name() + "</h3>");
		var publicPage = encoded(links.credentialPage(award.id()));
		assertThat(held).contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name="
				+ encoded(pricing.name()) + "&amp;organizationName=", "&amp;certUrl=" + publicPage,
				"&amp;certId=" + award.id(), "https://www.linkedin.com/sharing/share-offsite/?url=" + publicPage);
		assertThat(next).contains(dealMaker.name(), "A larger credential: 1 of 2 still to do.",
				"<strong>Done:</strong>", "hold " + pricing.name(), "hold " + closing.name(), "master Closing " + suffix,
				"href=\"/lessons/" + lesson.value() + "\"", "Closing the deal " + suffix);
		assertThat(next.indexOf(closing.name() + "</h3>")).as("nearest first: one need left, then the larger one")
			.isLessThan(next.indexOf(dealMaker.name() + "</h3>"));
		assertThat(page).doesNotContain("<script src=\"/static/js/credentials");
	}

	@Test
	void aSuspendedCredentialSaysWhyAndEachLearnerSeesOnlyTheirOwn() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var skill = skill(author, "Negotiating " + suffix);
		var negotiator = achievements.define(author, new NewAchievement("Negotiator " + suffix, "About negotiating",
				"Shows negotiating", List.of(skill.value()), List.of(), List.of(), null, null, null, null, 0));
		var learner = mastering.learner("acme");
		mastering.master(learner, "acme", skill);
		await(() -> !awards.of(Learner.of(learner)).isEmpty());
		mastering.review(learner, skill, false, java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
		await(() -> awards.of(Learner.of(learner)).getFirst().status() == AwardStatus.SUSPENDED);

		var page = mvc.perform(get("/achievements").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains(negotiator.name(), "Suspended:", "Mastery lapsed: Negotiating " + suffix,
				"href=\"/skills\"");
		var other = mvc.perform(get("/achievements").with(SignedIn.as(mastering.learner("acme")))).andReturn()
			.getResponse().getContentAsString();
		assertThat(other).contains("Held (0)", "You hold no credentials yet.");
		assertThat(other.substring(other.indexOf("id=\"held\""), other.indexOf("id=\"next\"")))
			.doesNotContain(negotiator.name());
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private LessonId lesson(CurrentMember author, String title, String skill) throws Exception {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills").add(skill);
			tree.put("title", title);
			var draft = lessons.create(author, json.treeToValue(tree, LessonContent.class));
			return lessons.publish(author, draft.lessonId()).lessonId();
		}
	}

	private Achievement define(CurrentMember author, String name, List<SkillId> skills, List<AchievementId> required) {
		return achievements.define(author, new NewAchievement(name, "About " + name, "Shows " + name,
				skills.stream().map(SkillId::value).toList(), required.stream().map(AchievementId::value).toList(),
				List.of(), null, null));
	}

	private SkillId skill(CurrentMember author, String name) {
		return skills.add(author.organisationId(), name, null, null).id();
	}
}
