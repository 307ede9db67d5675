package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.identity.Teams;
import io.morsel.support.People;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team page of an organisation of many: the progress table a page at a time, found by name, the manager's
 * narrowed sight holding on every page; the assign form picks people by searching, or all who match at once; the
 * CSV keeps everyone. The organisation is the tests' own: 60 learners the manager looks after, 10 they do not.
 */
@MorselIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	JsonMapper json;

	CurrentMember admin;
	CurrentMember manager;
	CurrentMember author;
	Program program;

	@BeforeAll
	void anOrganisationOf70Learners() throws Exception {
		var slug = "team-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Team " + slug, OffsetDateTime.now())
			.update();
		admin = People.member(jdbc, directory, slug, "UTC", "Ann Admin", "ADMIN");
		manager = People.member(jdbc, directory, slug, "UTC", "Max Manager", "MANAGER");
		author = People.member(jdbc, directory, slug, "UTC", "Abe Author", "AUTHOR");
		var cared = IntStream.rangeClosed(1, 60)
			.mapToObj(n -> People.learner(jdbc, directory, slug, "UTC", "Learner %03d".formatted(n)))
			.toArray(CurrentMember[]::new);
		var outsiders = IntStream.rangeClosed(1, 10)
			.mapToObj(n -> People.learner(jdbc, directory, slug, "UTC", "Outsider %02d".formatted(n)))
			.toList();
		Teams.lookAfter(mvc, directory, admin, manager, cared);
		program = program("Onboarding");
		var everyone = new ArrayList<>(List.of(cared).stream().map(CurrentMember::memberId).toList());
		outsiders.forEach(o -> everyone.add(o.memberId()));
		enrolments.assign(admin, program.id(), everyone, List.of(), null);
	}

	@Test
	void thePageAfterTheFirstHoldsTheNextRows() throws Exception {
		var first = html(admin, onboarding("sort", "name"));
		var second = html(admin, onboarding("sort", "name", "page", "2"));

		assertThat(first).contains(">Learner 001<", ">Learner 050<", "Showing 1–50 of 70").doesNotContain(">Learner 051<");
		assertThat(second).contains(">Learner 051<", ">Learner 060<", ">Outsider 10<", "Showing 51–70 of 70")
			.doesNotContain(">Learner 050<")
			.contains("aria-label=\"Pages of the progress table\"", "aria-current=\"page\"");
	}

	@Test
	void aManagerSeesTheirPeopleAloneOnEveryPage() throws Exception {
		var second = html(manager, onboarding("sort", "name", "page", "2"));
		var pastTheEnd = html(manager, onboarding("sort", "name", "page", "7"));

		assertThat(second).contains(">Learner 051<", ">Learner 060<", "Showing 51–60 of 60").doesNotContain("Outsider");
		assertThat(pastTheEnd).contains("Showing 51–60 of 60");
	}

	@Test
	void theSearchFindsPeopleByPartOfTheirName() throws Exception {
		var found = html(manager, onboarding("q", "LEARNER 00"));
		var outsiders = html(manager, onboarding("q", "outsider"));

		assertThat(found).contains(">Learner 009<", "Showing 1–9 of 9").doesNotContain(">Learner 010<");
		assertThat(found).contains("href=\"/team/progress.csv?sort=overdue&amp;dir=asc&amp;show=all&amp;program="
				+ program.id().value() + "&amp;q=LEARNER+00\"");
		assertThat(outsiders).contains("Nobody matches.").doesNotContain(">Outsider 01<");
	}

	@Test
	void theCsvHoldsEveryoneTheManagerSeesNotOnePage() throws Exception {
		var csv = mvc.perform(get("/team/progress.csv").param("program", program.id().value().toString())
			.with(SignedIn.as(manager))).andReturn().getResponse().getContentAsString();

		assertThat(csv.split("\r\n")).hasSize(61);
		assertThat(csv).contains("Learner 060").doesNotContain("Outsider");
	}

	@Test
	void theAssignFormFindsTheManagersPeopleBySearching() throws Exception {
		var found = html(manager, get("/team/assign").param("q", "learner 05"));
		var outsiders = html(manager, get("/team/assign").param("q", "outsider"));
		var byAdmin = html(admin, get("/team/assign").param("q", "outsider"));
		var everyone = html(manager, get("/team/assign"));

		assertThat(found).contains(">Learner 050<", ">Learner 059<", "Showing 1–10 of 10").doesNotContain(">Learner 060<");
		assertThat(outsiders).contains("Nobody matches.").doesNotContain(">Outsider 01<");
		assertThat(byAdmin).contains(">Outsider 01<", ">Outsider 10<", "Showing 1–10 of 10");
		assertThat(everyone).contains("Showing 1–50 of 60", "Everyone listed, all 60 people")
			.doesNotContain(">Learner 051<");
	}

	@Test
	void assigningEveryoneMatchingReachesEveryPage() throws Exception {
		var second = program("Security");

		var assigned = mvc.perform(post("/team/assignments").param("program", second.id().value().toString())
			.param("everyoneMatching", "").with(SignedIn.as(manager)).with(csrf())).andReturn();
		var some = program("Privacy");
		mvc.perform(post("/team/assignments").param("program", some.id().value().toString())
			.param("everyoneMatching", "learner 00").with(SignedIn.as(manager)).with(csrf()));

		assertThat(assigned.getResponse().getRedirectedUrl()).isEqualTo("/team");
		assertThat(assigned.getFlashMap().get("assignedCount")).isEqualTo(60);
		assertThat(enrolled(second)).isEqualTo(60);
		assertThat(enrolled(some)).isEqualTo(9);
	}

	@Test
	void refusesPageNumbersThatAreNotCountingNumbers() throws Exception {
		for (var path : List.of("/team?page=-1", "/team?page=x", "/team/assign?page=0", "/team/assign?size=-5")) {
			var refused = mvc.perform(get(path).with(SignedIn.as(manager))).andReturn();

			assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(400);
			assertThat(refused.getResolvedException()).as(path).hasMessageContaining("of a list");
		}
	}

	private long enrolled(Program program) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolments WHERE program_id = :program")
			.param("program", program.id().value()).query(Long.class).single();
	}

	/** The team page narrowed to the program every one of the organisation's learners has, with these parameters. */
	private MockHttpServletRequestBuilder onboarding(String... parameters) {
		var request = get("/team").param("program", program.id().value().toString());
		for (var i = 0; i < parameters.length; i += 2) {
			request = request.param(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	private String html(CurrentMember who, MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request.with(SignedIn.as(who))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private Program program(String title) throws Exception {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title + " lesson");
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			return programs.create(admin.organisationId(), title.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8),
					title, "Partners register their first deal within 30 days", null, false, List.of(lesson));
		}
	}
}
