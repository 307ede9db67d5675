package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Authors and admins rename, describe and merge skills; lessons and learners' mastery follow. */
@MorselIntegrationTest
class SkillCurationTests {

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Skills skills;

	@Autowired
	Lessons lessons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Api api;
	String author;
	CurrentMember member;
	String suffix;

	@BeforeEach
	void setUp() {
		api = Api.on(port);
		author = api.token("author@acme.test", "acme");
		member = directory.member("author@acme.test", "acme").orElseThrow();
		suffix = UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void aRenamedSkillIsRenamedInEveryLessonThatNamesItAndTheDraftStillSaves() {
		var skill = skills.add(member.organisationId(), "Forecasting " + suffix, null, null);
		var lesson = lesson("Read a forecast", skill.name());
		lessons.publish(member, lesson);

		var renamed = api.put(author, "/api/v1/skills/" + skill.id().value(),
				Map.of("name", "Forecast reading " + suffix, "description", "Reading a sales forecast"));

		assertThat(renamed.getStatusCode()).as(renamed.getBody()).isEqualTo(HttpStatus.OK);
		var published = lessons.latestPublished(member.organisationId(), lesson).orElseThrow();
		assertThat(published.content().skills()).containsExactly("Forecast reading " + suffix);
		assertThat(lessons.skillsOf(published)).containsExactly(skill.id());
		var edited = published.content();
		lessons.saveDraft(member, lesson, new LessonContent(edited.title() + "!", edited.objective(),
				edited.estimatedMinutes(), edited.skills(), edited.blocks()));
		assertThat(skills.of(member.organisationId())).anySatisfy(s -> {
			assertThat(s.id()).isEqualTo(skill.id());
			assertThat(s.description()).isEqualTo("Reading a sales forecast");
		});
	}

	@Test
	void aNameTakenIsAConflictAndOthersMayNotRenameSkills() {
		var first = skills.add(member.organisationId(), "Pricing " + suffix, null, null);
		skills.add(member.organisationId(), "Discounting " + suffix, null, null);
		var path = "/api/v1/skills/" + first.id().value();

		var taken = api.put(author, path, Map.of("name", "Discounting " + suffix));
		var learner = api.put(api.token("learner@acme.test", "acme"), path, Map.of("name", "Mine " + suffix));
		var stranger = api.put(api.token("author@globex.test", "globex"), path, Map.of("name", "Ours " + suffix));
		var blank = api.put(author, path, Map.of("name", " "));

		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(taken.getBody()).get("detail").asString()).contains("merge the two instead");
		assertThat(learner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(skills.of(member.organisationId())).extracting(Skill::name).contains("Pricing " + suffix);
	}

	@Test
	void aMergedSkillsLessonsAndMasteryBelongToTheRemainingOne() {
		var merged = skills.add(member.organisationId(), "Churn maths " + suffix, null, null);
		var into = skills.add(member.organisationId(), "Churn analysis " + suffix, null, null);
		var one = lesson("Compute churn", merged.name());
		var both = lesson("Explain churn", merged.name(), into.name());
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		jdbc.sql("""
				INSERT INTO skill_mastery (organisation_id, user_id, skill_id, status, changed_at)
				VALUES (:organisation, :user, :skill, 'mastered', :now)
				""")
			.param("organisation", member.organisationId().value())
			.param("user", learner.userId().value())
			.param("skill", merged.id().value())
			.param("now", OffsetDateTime.now())
			.update();

		var answer = api.post(author, "/api/v1/skills/" + merged.id().value() + "/merge", Map.of("into", into.id().value()));

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(answer.getBody()).get("name").asString()).isEqualTo(into.name());
		assertThat(skills.of(member.organisationId())).extracting(Skill::id).doesNotContain(merged.id());
		assertThat(latestSkills(one)).containsExactly(into.name());
		assertThat(latestSkills(both)).containsExactly(into.name());
		Eventually.await(() -> mastery(learner, into) == 1 && mastery(learner, merged) == 0);
		var self = api.post(author, "/api/v1/skills/" + into.id().value() + "/merge", Map.of("into", into.id().value()));
		assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private long mastery(CurrentMember learner, Skill skill) {
		return jdbc.sql("SELECT COUNT(*) FROM skill_mastery WHERE user_id = :user AND skill_id = :skill")
			.param("user", learner.userId().value())
			.param("skill", skill.id().value())
			.query(Long.class)
			.single();
	}

	private List<String> latestSkills(LessonId lesson) {
		return lessons.latest(member.organisationId(), lesson).orElseThrow().content().skills();
	}

	private LessonId lesson(String title, String... skillNames) {
		return lessons.create(member, new LessonContent(title + " " + suffix, new Objective("Compute the churn rate."),
				3, List.of(skillNames), List.of(new Block.Text("Churn is the share of customers who leave.")))).lessonId();
	}
}
