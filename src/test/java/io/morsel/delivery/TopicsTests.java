package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import io.morsel.support.Csrf;
import io.morsel.support.People;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Learners follow skills as topics, and their catalog narrows to the published lessons that teach them. */
@MorselIntegrationTest
class TopicsTests {

	@Autowired
	Topics topics;

	@Autowired
	Skills skills;

	@Autowired
	Directory directory;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	CurrentMember learner;

	@BeforeEach
	void setUp() {
		learner = People.learner(jdbc, directory, "acme", "UTC", "Tia Topics");
	}

	@Test
	void followingASkillNarrowsTheCatalogToItsLessons() throws Exception {
		var skill = taughtSkill();
		var expected = jdbc.sql("""
				SELECT l.id
				FROM lessons l
				JOIN lesson_skills s ON s.lesson_id = l.id AND s.version = l.published_version
				WHERE s.skill_id = :skill
				""").param("skill", skill).query(UUID.class).list();
		assertThat(topics.lessons(Learner.of(learner))).isEmpty();

		mvc.perform(post("/delivery/topics/" + skill).with(SignedIn.as(learner)).with(Csrf.csrf()));

		assertThat(topics.followed(Learner.of(learner))).extracting(s -> s.id().value()).containsExactly(skill);
		var lessons = topics.lessons(Learner.of(learner));
		assertThat(lessons).extracting(l -> l.id().value()).containsExactlyInAnyOrderElementsOf(expected);
		var all = jdbc.sql("SELECT COUNT(*) FROM lessons l JOIN organisations o ON o.id = l.organisation_id "
				+ "WHERE o.slug = 'acme' AND l.published_version IS NOT NULL").query(Long.class).single();
		assertThat((long) lessons.size()).isLessThan(all);
		var page = mvc.perform(get("/delivery/topics").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Unfollow", lessons.getFirst().title().replace("'", "&#39;"));

		mvc.perform(post("/delivery/topics/" + skill).param("follow", "false").with(SignedIn.as(learner))
			.with(Csrf.csrf()));
		assertThat(topics.lessons(Learner.of(learner))).isEmpty();
	}

	@Test
	void myTopicsNarrowsTheCatalogPageToWhatTeachesTheFollowedSkills() throws Exception {
		var skill = taughtSkill();
		assertThat(catalog("/catalog")).contains("href=\"/catalog?topics=mine\"", "My topics");
		assertThat(catalog("/catalog?topics=mine")).contains("follow topics to see the lessons");

		topics.follow(Learner.of(learner), new SkillId(skill));

		var mine = catalog("/catalog?topics=mine");
		var taught = topics.lessons(Learner.of(learner));
		taught.forEach(lesson -> assertThat(mine).contains("/lessons/" + lesson.id().value()));
		var others = jdbc.sql("""
				SELECT l.id
				FROM lessons l
				JOIN organisations o ON o.id = l.organisation_id
				WHERE o.slug = 'acme'
				  AND l.published_version IS NOT NULL
				  AND l.unpublished_at IS NULL
				  AND l.archived_at IS NULL
				""").query(UUID.class).list().stream()
			.filter(id -> taught.stream().noneMatch(lesson -> lesson.id().value().equals(id))).toList();
		assertThat(others).isNotEmpty();
		others.forEach(id -> assertThat(mine).doesNotContain("/lessons/" + id));
		assertThat(catalog("/catalog")).contains("/lessons/" + others.getFirst());
	}

	@Test
	void anotherOrganisationsSkillCannotBeFollowed() throws Exception {
		var globex = skills.of(directory.organisation("globex").orElseThrow()).getFirst().id();
		assertThatThrownBy(() -> topics.follow(Learner.of(learner), globex)).isInstanceOf(NotFoundException.class);
		assertThat(mvc.perform(post("/delivery/topics/" + globex.value()).with(SignedIn.as(learner))
			.with(Csrf.csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(topics.followed(Learner.of(learner))).isEmpty();
	}

	private String catalog(String path) throws Exception {
		var response = mvc.perform(get(path).with(SignedIn.as(learner))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	/** An acme skill that some but not all published lessons teach. */
	private UUID taughtSkill() {
		List<UUID> taught = jdbc.sql("""
				SELECT s.skill_id
				FROM lesson_skills s
				JOIN lessons l ON l.id = s.lesson_id AND s.version = l.published_version
				JOIN organisations o ON o.id = l.organisation_id
				WHERE o.slug = 'acme'
				GROUP BY s.skill_id
				ORDER BY COUNT(*), s.skill_id
				""").query(UUID.class).list();
		assertThat(taught).isNotEmpty();
		return taught.getFirst();
	}
}
