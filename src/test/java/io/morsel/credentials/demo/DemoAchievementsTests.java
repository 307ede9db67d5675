package io.morsel.credentials.demo;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Skills;
import io.morsel.credentials.Achievements;
import io.morsel.identity.Directory;
import io.morsel.learning.Attempts;
import io.morsel.learning.Learner;
import io.morsel.learning.ProgramProgress;
import io.morsel.learning.Progress;
import io.morsel.reinforcement.MasteryStatus;
import io.morsel.reinforcement.SkillMastery;
import io.morsel.support.Api;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's first start: each demo organisation has the achievements of demo/achievements.json, two of which stack
 * into a third, and acme's demo learner holds a credential from the start, earned by a review history that meets the
 * mastery rule.
 */
@MorselIntegrationTest
class DemoAchievementsTests {

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Achievements achievements;

	@Autowired
	Skills skills;

	@Autowired
	SkillMastery mastery;

	@Autowired
	JsonMapper json;

	@Autowired
	Lessons lessons;

	@Autowired
	Attempts attempts;

	@Autowired
	Progress progress;

	@Test
	void eachDemoOrganisationHasTwoAchievementsThatStackIntoAThird() throws IOException {
		JsonNode demo;
		try (var in = new ClassPathResource(DemoAchievements.RESOURCE).getInputStream()) {
			demo = json.readTree(in);
		}
		for (var slug : List.of("acme", "globex")) {
			var names = new HashSet<String>();
			demo.get(slug).get("achievements").forEach(a -> names.add(a.get("name").asString()));
			var organisation = directory.organisation(slug).orElseThrow();
			var seeded = achievements.of(organisation).stream().filter(a -> names.contains(a.name())).toList();

			assertThat(seeded).as(slug + ": every achievement of the file, its skills found").hasSize(names.size())
				.hasSizeGreaterThanOrEqualTo(3);
			var stacked = seeded.stream().filter(a -> !a.criteria().achievements().isEmpty()).toList();
			assertThat(stacked).as(slug).isNotEmpty();
			var parts = stacked.getFirst().criteria().achievements();
			assertThat(parts).as(slug).hasSize(2);
			assertThat(seeded.stream().filter(a -> parts.contains(a.id())))
				.as(slug + ": the parts are mastery of skills")
				.hasSize(2)
				.allSatisfy(a -> assertThat(a.criteria().skills()).isNotEmpty());
		}
	}

	@Test
	void theDemoLearnerHoldsACredentialEarnedByTheirReviewsAndItVerifies() {
		var api = Api.on(port);
		var token = api.token("learner@acme.test", "acme");

		await(() -> navigator(api, token) != null);

		var summary = navigator(api, token);
		assertThat(summary.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(summary.get("reason").isNull()).as("issued by the rule, not by hand").isTrue();
		var credential = api.get(token, "/api/v1/credentials/" + summary.get("id").asString());
		assertThat(credential.getStatusCode()).isEqualTo(HttpStatus.OK);
		var result = json.readTree(api.http().post().uri("/api/v1/credentials/verify")
			.contentType(MediaType.APPLICATION_JSON).body(credential.getBody()).retrieve().body(String.class));
		assertThat(result.get("verified").asBoolean()).as(result.toString()).isTrue();
		assertThat(json.readTree(credential.getBody()).get("evidence").toString()).contains("Workspace basics");
	}

	@Test
	void theDemoLearnersMasteryRestsOnRightAnswersOnSeparateDaysInThePast() {
		var member = directory.member("learner@acme.test", "acme").orElseThrow();
		var now = Instant.now();
		var skill = skills.of(member.organisationId()).stream()
			.filter(s -> s.name().equals("Workspace basics"))
			.findFirst()
			.orElseThrow();

		var curve = mastery.curve(Learner.of(member), skill.id(), now, Duration.ofDays(1), 10).orElseThrow();

		assertThat(curve.standing().status()).isEqualTo(MasteryStatus.MASTERED);
		assertThat(curve.standing().recall()).isGreaterThanOrEqualTo(0.85);
		var days = curve.reviews().stream().map(r -> r.at().atOffset(ZoneOffset.UTC).toLocalDate()).distinct().toList();
		assertThat(days).hasSize(DemoAchievements.DAYS_AGO.size());
		assertThat(curve.reviews()).allSatisfy(r -> {
			assertThat(r.correct()).isTrue();
			assertThat(r.at()).isBefore(now);
		});
	}

	@Test
	void theDemoLearnerCompletedTheLessonsBehindTheirReviewsOnTheDayOfTheFirst() {
		var member = directory.member("learner@acme.test", "acme").orElseThrow();
		var learner = Learner.of(member);
		var skill = skills.of(member.organisationId()).stream()
			.filter(s -> s.name().equals("Workspace basics"))
			.findFirst()
			.orElseThrow();
		var lessonSkills = lessons.latestSkills(member.organisationId());
		var reviewed = lessons.publishedWithSkills(member.organisationId(), List.of(skill.id())).stream()
			.filter(l -> Set.of(skill.id()).equals(lessonSkills.get(l.id())))
			.toList();
		var firstReview = mastery.curve(learner, skill.id(), Instant.now(), Duration.ofDays(1), 10)
			.orElseThrow()
			.reviews()
			.getFirst()
			.at();

		assertThat(reviewed).as("the lessons of the seeded reviews").isNotEmpty();
		for (var lesson : reviewed) {
			var attempt = attempts.find(learner, lesson.id()).orElseThrow();
			assertThat(attempt.completed()).as(lesson.title()).isTrue();
			assertThat(attempt.score()).as(lesson.title() + ": answered right").isEqualTo(1.0);
			assertThat(attempt.completedAt()).isEqualTo(firstReview);
			assertThat(attempt.startedAt()).isEqualTo(firstReview);
			progress.containing(learner, lesson.id()).ifPresent(program -> assertThat(program.lessons())
				.filteredOn(l -> l.id().equals(lesson.id()))
				.extracting(ProgramProgress.LessonStatus::status)
				.as("the program's progress shows it done")
				.containsExactly(ProgramProgress.Status.COMPLETED));
		}
	}

	/** The demo learner's Workspace navigator credential, if listed. */
	private JsonNode navigator(Api api, String token) {
		var answer = api.get(token, "/api/v1/credentials");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return StreamSupport.stream(json.readTree(answer.getBody()).spliterator(), false)
			.filter(c -> c.get("achievement").asString().equals("Workspace navigator"))
			.findFirst()
			.orElse(null);
	}
}
