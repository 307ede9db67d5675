package io.morsel.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.People;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Learners browse the catalog, narrowed by a skill; a filter value the catalog does not know is a 400. */
@MorselIntegrationTest
class CatalogPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Lessons lessons;

	@Autowired
	Skills skills;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	CurrentMember learner;

	@BeforeEach
	void setUp() {
		learner = People.learner(jdbc, directory, "acme", "UTC", "Cato Catalog");
	}

	@Test
	void theCatalogListsEveryPublishedLessonAndOneSkillNarrowsItToTheLessonsThatTeachIt() throws Exception {
		var everything = page("/catalog");
		var published = lessons.published(learner.organisationId());
		assertThat(published).isNotEmpty();
		published.forEach(lesson -> assertThat(everything).contains(escaped(lesson.title())));

		var skill = taughtSkill();
		var teaching = lessons.publishedWithSkills(learner.organisationId(), List.of(new io.morsel.catalog.SkillId(skill)));
		assertThat(teaching.size()).isPositive().isLessThan(published.size());
		var narrowed = page("/catalog?skill=" + skill);
		teaching.forEach(lesson -> assertThat(narrowed).contains(escaped(lesson.title())));
		published.stream().filter(lesson -> !teaching.contains(lesson))
			.forEach(lesson -> assertThat(narrowed).doesNotContain("/lessons/" + lesson.id().value()));
		assertThat(narrowed).contains("value=\"" + skill + "\" selected");
		assertThat(page("/catalog?skill=")).contains(escaped(published.getFirst().title()));
	}

	@Test
	void unknownFilterValuesAreRefused() throws Exception {
		var globex = skills.of(directory.organisation("globex").orElseThrow()).getFirst().id().value();
		for (var query : List.of("skill=" + UUID.randomUUID(), "skill=" + globex, "skill=cooking", "topics=theirs",
				"topics=mine&skill=" + taughtSkill())) {
			var refused = get("/catalog?" + query);
			assertThat(refused.getStatus()).as(query).isEqualTo(400);
		}
	}

	private String page(String path) throws Exception {
		var response = get(path);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse get(String path) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
			.with(SignedIn.as(learner))).andReturn().getResponse();
	}

	private static String escaped(String title) {
		return title.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;");
	}

	/** An acme skill that some but not all published lessons teach. */
	private UUID taughtSkill() {
		return jdbc.sql("""
				SELECT s.skill_id
				FROM lesson_skills s
				JOIN lessons l ON l.id = s.lesson_id AND s.version = l.published_version
				JOIN organisations o ON o.id = l.organisation_id
				WHERE o.slug = 'acme'
				  AND l.unpublished_at IS NULL
				  AND l.archived_at IS NULL
				GROUP BY s.skill_id
				ORDER BY COUNT(*), s.skill_id
				""").query(UUID.class).list().getFirst();
	}
}
