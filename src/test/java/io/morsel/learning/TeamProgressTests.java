package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.catalog.Response;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.Newcomers;
import io.morsel.identity.SignedIn;
import io.morsel.identity.Teams;
import io.morsel.support.Api;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A manager sees the progress of the people they look after, and only theirs: on the team page (sortable, filtered,
 * with a page per person and a CSV download) and through {@code GET /api/v1/team/progress}; and reminds the overdue,
 * once a day at most.
 */
@MorselIntegrationTest
class TeamProgressTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	Attempts attempts;

	@Autowired
	JsonMapper json;

	Api api;
	CurrentMember admin;
	CurrentMember manager;
	/** In the manager's group: completes both lessons, one right and one wrong. */
	CurrentMember finisher;
	/** In the manager's group: never starts, overdue. */
	CurrentMember laggard;
	/** Outside the manager's groups: overdue too. */
	CurrentMember outsider;
	Program program;
	List<LessonId> lessonIds;
	/** In the names of the test's people: a search for it finds them alone, on the first page of the shared team. */
	String suffix;

	@BeforeEach
	void setUp() throws Exception {
		api = Api.on(port);
		admin = member("admin@globex.test");
		manager = member("manager@globex.test");
		suffix = UUID.randomUUID().toString().substring(0, 6);
		finisher = newcomer("finisher", "Fay Finisher " + suffix);
		laggard = newcomer("laggard", "Lars Laggard " + suffix);
		outsider = newcomer("outsider", "Olga Outsider " + suffix);
		Teams.lookAfter(mvc, directory, admin, manager, finisher, laggard);
		lessonIds = List.of(lesson("First " + suffix), lesson("Second " + suffix));
		// A comma and quotes, so the CSV has to quote the title.
		program = programs.create(admin.organisationId(), "progress-" + suffix, "Launch, \"fast\" " + suffix,
				"Partners register their first deal within 30 days", null, false, lessonIds);
		var yesterday = Instant.now().minus(Duration.ofDays(1));
		enrolments.assign(admin, program.id(), List.of(finisher.memberId(), laggard.memberId(), outsider.memberId()),
				List.of(), yesterday);
		var learner = Learner.of(finisher);
		attempts.answer(learner, lessonIds.get(0), "verb", new Response.Choice(Set.of("a")), null);
		attempts.answer(learner, lessonIds.get(1), "verb", new Response.Choice(Set.of("b")), null);
	}

	@Test
	void aManagerSeesTheirPeopleOverdueFirstAndNobodyElse() throws Exception {
		var page = mvc.perform(get("/team").param("q", suffix).with(SignedIn.as(manager))).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		var html = progressTable(page.getContentAsString());
		assertThat(html).contains(finisher.name(), laggard.name()).doesNotContain(outsider.name());
		assertThat(html.indexOf(laggard.name())).as("overdue first").isLessThan(html.indexOf(finisher.name()));
		assertThat(html).contains("2 of 2 lessons", "50%", "Overdue");
	}

	@Test
	void theTableSortsByAColumnBothWaysThroughLinks() throws Exception {
		var byName = progressTable(html("/team?sort=name&dir=asc&show=all&program=" + program.id().value()));
		assertThat(byName.indexOf(finisher.name())).isLessThan(byName.indexOf(laggard.name()));
		assertThat(byName).contains("aria-sort=\"ascending\"")
			.contains("href=\"/team?sort=name&amp;dir=desc&amp;show=all&amp;program=" + program.id().value() + "\"");

		var byNameDescending = progressTable(html("/team?sort=name&dir=desc&program=" + program.id().value()));
		assertThat(byNameDescending.indexOf(laggard.name())).isLessThan(byNameDescending.indexOf(finisher.name()));

		var completedOnly = progressTable(html("/team?show=completed&program=" + program.id().value()));
		assertThat(completedOnly).contains(finisher.name()).doesNotContain(laggard.name());
	}

	@Test
	void anUnknownSortOrFilterIsABadRequest() throws Exception {
		assertThat(status("/team?sort=salary")).isEqualTo(400);
		assertThat(status("/team?dir=up")).isEqualTo(400);
		assertThat(status("/team?show=everyone")).isEqualTo(400);
	}

	@Test
	void thePersonPageShowsEachLessonsScoreAndHidesOthersPeople() throws Exception {
		var page = html("/team/people/" + finisher.memberId().value());
		assertThat(page).contains(finisher.name(), "First", "Second", "100%", "0%");

		assertThat(status("/team/people/" + outsider.memberId().value())).as("outside the manager's groups")
			.isEqualTo(404);
		assertThat(mvc.perform(get("/team/people/" + finisher.memberId().value())
			.with(SignedIn.as(member("admin@acme.test")))).andReturn().getResponse().getStatus())
			.as("another organisation's admin").isEqualTo(404);
		assertThat(mvc.perform(get("/team/people/" + finisher.memberId().value()).with(SignedIn.as(finisher)))
			.andReturn().getResponse().getStatus()).as("a learner").isEqualTo(403);
	}

	@Test
	void theCsvHoldsTheManagersRowsQuotedAsRfc4180Says() throws Exception {
		var response = mvc.perform(get("/team/progress.csv?sort=name&program=" + program.id().value())
			.with(SignedIn.as(manager))).andReturn().getResponse();

		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment", "team-progress.csv");
		var lines = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).startsWith("Name,Email,Program,Status,");
		var title = "\"" + program.title().replace("\"", "\"\"") + "\"";
		// Due and last activity are ISO date-times; the finisher was not reminded.
		assertThat(lines[1]).matches(java.util.regex.Pattern.quote(finisher.name() + "," + finisher.email() + ","
				+ title + ",completed,2,2,") + "[0-9T:.+Z-]+,false,[0-9T:.+Z-]+,50%,");
		assertThat(lines[2]).matches(java.util.regex.Pattern.quote(laggard.name() + "," + laggard.email() + ","
				+ title + ",not-started,0,2,") + "[0-9T:.+Z-]+,true,,,");
	}

	@Test
	void theApiAnswersTheSameScopeAndRefusesLearners() throws Exception {
		var mine = team(api.get(api.token("manager@globex.test", "globex"), "/api/v1/team/progress").getBody());
		assertThat(names(mine)).contains(finisher.name(), laggard.name()).doesNotContain(outsider.name());
		assertThat(names(mine).indexOf(laggard.name())).isLessThan(names(mine).indexOf(finisher.name()));
		var finished = person(mine, finisher).get("programs").get(0);
		assertThat(finished.get("status").asString()).isEqualTo("completed");
		assertThat(finished.get("overdue").asBoolean()).isFalse();
		assertThat(finished.get("completedLessons").asInt()).isEqualTo(2);
		assertThat(finished.get("averageScore").asDouble()).isEqualTo(0.5);
		assertThat(finished.get("lessons").get(0).get("score").asDouble()).isEqualTo(1.0);
		assertThat(finished.get("lastActivityAt").isNull()).isFalse();
		var lagging = person(mine, laggard).get("programs").get(0);
		assertThat(lagging.get("status").asString()).isEqualTo("not-started");
		assertThat(lagging.get("overdue").asBoolean()).isTrue();

		var everyone = team(api.get(api.token("admin@globex.test", "globex"), "/api/v1/team/progress").getBody());
		assertThat(names(everyone)).contains(finisher.name(), laggard.name(), outsider.name());

		var acme = team(api.get(api.token("admin@acme.test", "acme"), "/api/v1/team/progress").getBody());
		assertThat(names(acme)).doesNotContain(finisher.name(), laggard.name(), outsider.name());

		var learnerToken = api.token("learner@globex.test", "globex");
		assertThat(api.get(learnerToken, "/api/v1/team/progress").getStatusCode().value()).isEqualTo(403);
		var managerToken = api.token("manager@globex.test", "globex");
		assertThat(api.get(managerToken, "/api/v1/team/people/" + outsider.memberId().value()).getStatusCode()
			.value()).isEqualTo(404);
		assertThat(api.get(managerToken, "/api/v1/team/people/" + laggard.memberId().value()).getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void aReminderReachesTheOverduePeopleOnceADay() throws Exception {
		var remind = mvc.perform(post("/team/programs/" + program.id().value() + "/reminders")
			.with(SignedIn.as(manager)).with(csrf())).andReturn();
		assertThat(remind.getResponse().getRedirectedUrl()).isEqualTo("/team");
		assertThat(remind.getFlashMap().get("reminders")).isEqualTo(new Reminders.Sent(1, 0, 0));

		var mails = mailsTo(laggard.email());
		assertThat(mails).hasSize(1);
		assertThat(mails.getFirst().getSubject()).contains(program.title());
		assertThat(mails.getFirst().getContent().toString()).contains(laggard.name(), manager.name(),
				"/programs/" + program.id().value());
		assertThat(mailsTo(finisher.email())).as("completed, so not overdue").isEmpty();
		assertThat(mailsTo(outsider.email())).as("not the manager's").isEmpty();
		assertThat(html("/team?program=" + program.id().value())).contains("Reminded on");

		var again = mvc.perform(post("/team/programs/" + program.id().value() + "/reminders")
			.with(SignedIn.as(manager)).with(csrf())).andReturn();
		assertThat(again.getFlashMap().get("reminders")).isEqualTo(new Reminders.Sent(0, 1, 0));
		assertThat(mailsTo(laggard.email())).hasSize(1);

		var byAdmin = json.readTree(api.post(api.token("admin@globex.test", "globex"),
				"/api/v1/team/programs/" + program.id().value() + "/reminders", null).getBody());
		assertThat(byAdmin.get("reminded").asInt()).isEqualTo(1);
		assertThat(byAdmin.get("alreadyRemindedToday").asInt()).isEqualTo(1);
		assertThat(mailsTo(outsider.email())).hasSize(1);

		assertThat(mvc.perform(post("/team/programs/" + program.id().value() + "/reminders")
			.with(SignedIn.as(laggard)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aManagerRemovesAnAssignmentAfterConfirmingAndWhatWasDoneStays() throws Exception {
		var path = "/team/people/" + finisher.memberId().value() + "/programs/" + program.id().value() + "/removal";
		assertThat(html(path)).contains("Remove the assignment?", "What they did in its lessons stays.");
		assertThat(enrolments.of(Learner.of(finisher), program.id())).as("asking removes nothing").isPresent();

		var outside = "/team/people/" + outsider.memberId().value() + "/programs/" + program.id().value() + "/removal";
		assertThat(mvc.perform(post(outside).with(SignedIn.as(manager)).with(csrf())).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(enrolments.of(Learner.of(outsider), program.id())).isPresent();

		var removed = mvc.perform(post(path).with(SignedIn.as(manager)).with(csrf())).andReturn();
		assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/team/people/" + finisher.memberId().value());
		assertThat(enrolments.of(Learner.of(finisher), program.id())).isEmpty();
		assertThat(attempts.find(Learner.of(finisher), lessonIds.get(0))).as("the lesson done stays").isPresent();

		var api = "/api/v1/team/people/" + laggard.memberId().value() + "/programs/" + program.id().value();
		var learnerToken = this.api.token("learner@globex.test", "globex");
		assertThat(delete(learnerToken, api)).isEqualTo(403);
		var managerToken = this.api.token("manager@globex.test", "globex");
		assertThat(delete(managerToken, api)).isEqualTo(204);
		assertThat(enrolments.of(Learner.of(laggard), program.id())).isEmpty();
		assertThat(delete(managerToken, api)).as("removed already").isEqualTo(404);
	}

	private int delete(String token, String path) {
		return api.http().delete().uri(path).header("Authorization", "Bearer " + token).retrieve()
			.toBodilessEntity().getStatusCode().value();
	}

	private String html(String path) throws Exception {
		var response = mvc.perform(get(path).with(SignedIn.as(manager))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	/** The progress table of the team page, without the assignment forms that list people too. */
	private static String progressTable(String page) {
		var start = page.indexOf("<table class=\"table team-progress\">");
		assertThat(start).as("a progress table").isNotNegative();
		return page.substring(start, page.indexOf("</table>", start));
	}

	private int status(String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(manager))).andReturn().getResponse().getStatus();
	}

	private JsonNode team(String body) {
		return json.readTree(body).get("people");
	}

	private static List<String> names(JsonNode people) {
		var names = new java.util.ArrayList<String>();
		people.forEach(p -> names.add(p.get("name").asString()));
		return names;
	}

	private JsonNode person(JsonNode people, CurrentMember member) {
		for (var p : people) {
			if (p.get("memberId").asString().equals(member.memberId().value().toString())) {
				return p;
			}
		}
		throw new AssertionError(member.name() + " is not in the team");
	}

	private static List<MimeMessage> mailsTo(String address) throws Exception {
		// Mail leaves within the request; give the SMTP server a moment to store it.
		Thread.sleep(200);
		return Arrays.stream(TestInfrastructure.mail().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).filter(m -> {
			try {
				return m.getSubject().startsWith("Reminder");
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private CurrentMember member(String email) {
		var slug = email.substring(email.indexOf('@') + 1, email.indexOf('.', email.indexOf('@')));
		return directory.member(email, slug).orElseThrow();
	}

	private CurrentMember newcomer(String who, String name) {
		var email = Newcomers.email(who, "globex.test");
		Newcomers.join(port, "admin@globex.test", email, name, "LEARNER");
		return directory.member(email, "globex").orElseThrow();
	}

	/** A published lesson with one question that assesses its objective: option a is right, b wrong. */
	private LessonId lesson(String title) throws Exception {
		var author = member("author@globex.test");
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title);
			var blocks = (ArrayNode) tree.get("blocks");
			var kept = json.createArrayNode();
			blocks.forEach(block -> {
				var interaction = block.get("interaction");
				if (interaction == null || interaction.get("id").asString().equals("verb")) {
					kept.add(block);
				}
			});
			tree.set("blocks", kept);
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			return lesson;
		}
	}
}
