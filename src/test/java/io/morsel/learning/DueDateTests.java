package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The date a manager picks is the date every learner reads, whatever the time zones of both; only a due date that is
 * near or past is shown in red.
 */
@MorselIntegrationTest
class DueDateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	CurrentMember admin;
	CurrentMember learner;
	String program;

	@BeforeEach
	void setUp() throws IOException {
		admin = directory.member("admin@acme.test", "acme").orElseThrow();
		learner = directory.member("learner@acme.test", "acme").orElseThrow();
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			program = programs.create(author.organisationId(), "due-" + UUID.randomUUID().toString().substring(0, 8),
					"Due " + UUID.randomUUID(), "Partners register their first deal within 30 days", null, false,
					List.of(lesson)).id().value().toString();
		}
	}

	@Test
	void theDateAManagerPicksIsTheDateLearnersSeeInEveryTimeZone() throws Exception {
		var zones = List.of("America/Los_Angeles", "UTC", "Europe/Berlin", "Pacific/Auckland", "Pacific/Kiritimati",
				"Pacific/Pago_Pago");
		for (var managerZone : zones) {
			var picked = LocalDate.now().plusYears(1).plusDays(zones.indexOf(managerZone));
			assign(in(admin, managerZone), picked);
			for (var learnerZone : zones) {
				var card = card(in(learner, learnerZone));
				assertThat(card).as("picked %s in %s, read in %s", picked, managerZone, learnerZone)
					.contains("Due " + english(picked))
					.doesNotContain(english(picked.plusDays(1)), english(picked.minusDays(1)));
			}
		}
	}

	@Test
	void onlyADueDateThatIsNearOrPastIsShownInRed() throws Exception {
		var zone = "Pacific/Auckland";
		var today = LocalDate.now(ZoneId.of(zone));
		assign(in(admin, "America/Los_Angeles"), today.plusDays(30));
		assertThat(card(in(learner, zone))).contains("class=\"due\"");

		assign(in(admin, "America/Los_Angeles"), today.plusDays(1));
		assertThat(card(in(learner, zone))).contains("class=\"due near\"", "Due " + english(today.plusDays(1)));

		assign(in(admin, "America/Los_Angeles"), today.minusDays(1));
		assertThat(card(in(learner, zone))).contains("class=\"due past\"",
				"Overdue: was due " + english(today.minusDays(1)));
	}

	private void assign(CurrentMember manager, LocalDate due) throws Exception {
		var assigned = mvc.perform(post("/team/assignments").param("program", program)
			.param("members", learner.memberId().value().toString()).param("due", due.toString())
			.with(SignedIn.as(manager)).with(csrf())).andReturn().getResponse();
		assertThat(assigned.getStatus()).isEqualTo(302);
	}

	/** The learner's card of the program on Today. */
	private String card(CurrentMember member) throws Exception {
		var today = mvc.perform(get("/today").with(SignedIn.as(member))).andReturn().getResponse().getContentAsString();
		var title = programs.find(member.organisationId(), new io.morsel.catalog.ProgramId(UUID.fromString(program)))
			.orElseThrow().title();
		var start = today.indexOf(title);
		assertThat(start).as("the program's card").isNotNegative();
		return today.substring(start, today.indexOf("</li>", start));
	}

	private static CurrentMember in(CurrentMember member, String zone) {
		return new CurrentMember(member.userId(), member.memberId(), member.email(), member.name(),
				member.organisationId(), member.organisationSlug(), member.organisationName(), member.roles(),
				ZoneId.of(zone), Locale.ENGLISH, member.organisations());
	}

	private static String english(LocalDate date) {
		return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
			.withLocale(Locale.ENGLISH)
			.format(date);
	}
}
