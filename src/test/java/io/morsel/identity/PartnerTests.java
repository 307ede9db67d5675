package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.MediaLibrary;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners: an admin marks a group external, and its members see only the people of their own group and the programs
 * assigned (or, once the organisation allows it, open) to them, with those programs' lessons; the rest of the catalog
 * is missing to them, by page and by API, and a search does not find it. The test's own people, group, lessons and
 * program, in the demo organisation.
 */
@MorselIntegrationTest
class PartnerTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	MediaLibrary library;

	@Autowired
	io.morsel.learning.NextUps nextUps;

	Api api;
	String admin;
	CurrentMember partner;
	CurrentMember mate;
	CurrentMember staff;
	String partnerToken;
	String staffToken;
	UUID groupId;
	String suffix;

	@BeforeEach
	void aPartnerGroupOfTwo() {
		api = Api.on(port);
		admin = api.token("admin@acme.test", "acme");
		suffix = UUID.randomUUID().toString().substring(0, 8);
		partner = People.member(jdbc, directory, "acme", "Europe/London", "Pia Partner", "LEARNER", "MANAGER");
		mate = People.learner(jdbc, directory, "acme", "Europe/London", "Mo Mate");
		staff = People.learner(jdbc, directory, "acme", "Europe/London", "Sal Staff");
		var created = api.post(admin, "/api/v1/groups", Map.of("name", "Partners " + suffix, "external", true));
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		groupId = UUID.fromString(read(created.getBody()).get("id").asString());
		var members = api.put(admin, "/api/v1/groups/" + groupId + "/members",
				Map.of("members", List.of(partner.memberId().value(), mate.memberId().value())));
		assertThat(read(members.getBody()).get("external").asBoolean()).isTrue();
		partnerToken = tokens.issue(partner, "partner", null, false).secret();
		staffToken = tokens.issue(staff, "staff", null, false).secret();
	}

	@Test
	void aPartnerSeesTheirOwnGroupInTheDirectoryAndNoOneElse() throws Exception {
		// The partner manages their own group and a group of staff: a manager of the organisation would see both.
		var staffGroup = read(api.post(admin, "/api/v1/groups", Map.of("name", "Staff " + suffix)).getBody());
		api.put(admin, "/api/v1/groups/" + staffGroup.get("id").asString() + "/members",
				Map.of("members", List.of(staff.memberId().value())));
		setManager(groupId);
		setManager(UUID.fromString(staffGroup.get("id").asString()));

		var people = read(api.get(partnerToken, "/api/v1/people").getBody());
		assertThat(people.valueStream().map(p -> p.get("name").asString()).toList())
			.containsExactlyInAnyOrder("Pia Partner", "Mo Mate");
		assertThat(api.get(partnerToken, "/api/v1/people/" + staff.memberId().value()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page(partner, "/people")).contains("Mo Mate").doesNotContain("Sal Staff", "Ada Lindqvist");
		assertThat(status(partner, "/people/" + staff.memberId().value())).isEqualTo(404);

		// Marked the organisation's own again, the group no longer narrows what its manager sees.
		api.put(admin, "/api/v1/groups/" + groupId + "/external", Map.of("external", false));
		assertThat(page(partner, "/people")).contains("Mo Mate", "Sal Staff");
	}

	@Test
	void aPartnerSeesOnlyTheProgramsAssignedToThemAndTheirLessons() throws Exception {
		var author = api.token("author@acme.test", "acme");
		var shown = published(author, "Partner handbook " + suffix, "How partners log a ticket.");
		var hidden = published(author, "Pricing secrets " + suffix, "What we charge our biggest customers.");
		var program = program(author, "Partner onboarding " + suffix, shown);
		var assigned = api.post(admin, "/api/v1/programs/" + program + "/assignments",
				Map.of("groupIds", List.of(groupId)));
		assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.OK);
		var open = read(api.get(staffToken, "/api/v1/programs").getBody()).valueStream()
			.filter(p -> p.path("selfEnrol").asBoolean(false))
			.findFirst()
			.orElseThrow();
		var openId = open.get("id").asString();
		var openTitle = open.get("title").asString();

		// By API: the programs list, a program, the lessons and a lesson; joining an open program.
		var programs = read(api.get(partnerToken, "/api/v1/programs").getBody());
		assertThat(programs.valueStream().map(p -> p.get("title").asString()).toList())
			.containsExactly("Partner onboarding " + suffix);
		assertThat(api.get(partnerToken, "/api/v1/programs/" + openId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post(partnerToken, "/api/v1/programs/" + openId + "/enrolment", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		var lessons = read(api.get(partnerToken, "/api/v1/lessons").getBody());
		assertThat(lessons.valueStream().map(l -> l.get("title").asString()).toList())
			.containsExactly("Partner handbook " + suffix);
		assertThat(api.get(partnerToken, "/api/v1/lessons/" + shown).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.get(partnerToken, "/api/v1/lessons/" + hidden).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(staffToken, "/api/v1/lessons/" + hidden).getStatusCode()).isEqualTo(HttpStatus.OK);

		// By page: the catalog, Today, a program's page and the lesson player.
		assertThat(page(partner, "/catalog")).contains("Partner onboarding " + suffix, "Partner handbook " + suffix)
			.doesNotContain("Pricing secrets " + suffix, openTitle);
		assertThat(page(partner, "/today")).contains("Partner onboarding " + suffix).doesNotContain(openTitle);
		assertThat(page(staff, "/today")).contains(openTitle);
		assertThat(status(partner, "/programs/" + openId)).isEqualTo(404);
		assertThat(status(partner, "/lessons/" + shown)).isEqualTo(200);
		assertThat(status(partner, "/lessons/" + hidden)).isEqualTo(404);
		assertThat(status(mate, "/lessons/" + hidden)).isEqualTo(404);
		assertThat(status(staff, "/lessons/" + hidden)).isEqualTo(200);
		var transcript = demoTranscript();
		assertThat(status(staff, transcript)).isEqualTo(200);
		assertThat(status(partner, transcript)).isEqualTo(404);

		// Once the organisation lets partners see open programs, they see (and may join) those too.
		api.put(admin, "/api/v1/organisation/partners", Map.of("seeOpenPrograms", true));
		try {
			assertThat(read(api.get(partnerToken, "/api/v1/programs").getBody()).valueStream()
				.map(p -> p.get("title").asString())
				.toList()).contains("Partner onboarding " + suffix, openTitle);
			assertThat(page(partner, "/today")).contains(openTitle);
			assertThat(api.post(partnerToken, "/api/v1/programs/" + openId + "/enrolment", null).getStatusCode()
				.is2xxSuccessful()).isTrue();
			assertThat(status(partner, "/lessons/" + hidden)).isEqualTo(404);
		}
		finally {
			api.put(admin, "/api/v1/organisation/partners", Map.of("seeOpenPrograms", false));
		}
	}

	@Test
	void whatChangesWhoIsAPartnerNarrowsOrWidensTheirSightAtOnce() throws Exception {
		var openTitle = read(api.get(staffToken, "/api/v1/programs").getBody()).valueStream()
			.filter(p -> p.path("selfEnrol").asBoolean(false))
			.findFirst()
			.orElseThrow()
			.get("title")
			.asString();
		// Each node keeps a member's reach once asked (Partnerships): these changes must make it forget.
		assertThat(page(partner, "/today")).doesNotContain(openTitle);

		api.put(admin, "/api/v1/groups/" + groupId + "/external", Map.of("external", false));
		assertThat(page(partner, "/today")).contains(openTitle);

		api.put(admin, "/api/v1/groups/" + groupId + "/external", Map.of("external", true));
		assertThat(page(partner, "/today")).doesNotContain(openTitle);

		api.put(admin, "/api/v1/groups/" + groupId + "/members", Map.of("members", List.of(mate.memberId().value())));
		assertThat(page(partner, "/today")).contains(openTitle);
		assertThat(page(mate, "/today")).doesNotContain(openTitle);
	}

	@Test
	void aPartnerLoadsTheMediaOfTheirLessonsAndNotThoseOfAnyOther() throws Exception {
		var author = api.token("author@acme.test", "acme");
		var uploader = People.member(jdbc, directory, "acme", "Europe/London", "Ula Uploader", "AUTHOR");
		var theirs = library.store(uploader, "desk.png", new ByteArrayInputStream(png(0x1f5f8b))).id();
		var other = library.store(uploader, "margins.png", new ByteArrayInputStream(png(0x8b1f1f))).id();
		var shown = published(author, "Partner desk " + suffix, "The desk.", image(theirs));
		published(author, "Margin chart " + suffix, "Our margins.", image(other));
		api.post(admin, "/api/v1/programs/" + program(author, "Partner tools " + suffix, shown) + "/assignments",
				Map.of("groupIds", List.of(groupId)));

		assertThat(status(partner, "/media/" + theirs)).isEqualTo(200);
		assertThat(mediaByApi(partnerToken, theirs)).isEqualTo(200);
		// The other lesson's image is missing to a partner, like a file that does not exist; staff still load it.
		assertThat(status(partner, "/media/" + other)).isEqualTo(404);
		assertThat(status(partner, "/media/" + UUID.randomUUID())).isEqualTo(404);
		assertThat(mediaByApi(partnerToken, other)).isEqualTo(404);
		assertThat(status(mate, "/media/" + other)).isEqualTo(404);
		assertThat(status(staff, "/media/" + other)).isEqualTo(200);
		assertThat(mediaByApi(staffToken, other)).isEqualTo(200);
		// A demo lesson's video, in no program of theirs, too.
		var demoVideo = demoVideoMedia();
		assertThat(status(staff, "/media/" + demoVideo)).isEqualTo(200);
		assertThat(status(partner, "/media/" + demoVideo)).isEqualTo(404);
	}

	@Test
	void aPartnerWhoManagesSeesOnlyTheirExternalGroupsAndTheProgramsTheyHoldOnTheTeamPages() throws Exception {
		// The partner manages their own group and a group of staff; the staff member's program is not theirs.
		var staffGroup = UUID.fromString(
				read(api.post(admin, "/api/v1/groups", Map.of("name", "Staff " + suffix)).getBody()).get("id").asString());
		api.put(admin, "/api/v1/groups/" + staffGroup + "/members", Map.of("members", List.of(staff.memberId().value())));
		setManager(groupId);
		setManager(staffGroup);
		var author = api.token("author@acme.test", "acme");
		var theirs = program(author, "Partner basics " + suffix, published(author, "Partner intake " + suffix, "Intake."));
		var internal = program(author, "Staff margins " + suffix, published(author, "Margin rules " + suffix, "Rules."));
		api.post(admin, "/api/v1/programs/" + theirs + "/assignments", Map.of("groupIds", List.of(groupId)));
		// An admin assigns the internal program to the partner's mate too: the partner still does not hold it.
		api.post(admin, "/api/v1/programs/" + internal + "/assignments",
				Map.of("memberIds", List.of(staff.memberId().value(), mate.memberId().value())));

		var team = read(api.get(partnerToken, "/api/v1/team/progress").getBody()).get("people");
		assertThat(team.valueStream().map(p -> p.get("name").asString()).toList()).contains("Mo Mate")
			.doesNotContain("Sal Staff");
		var mates = team.valueStream().filter(p -> p.get("name").asString().equals("Mo Mate")).findFirst().orElseThrow();
		assertThat(mates.get("programs").valueStream().map(p -> p.get("title").asString()).toList())
			.containsExactly("Partner basics " + suffix);
		assertThat(api.get(partnerToken, "/api/v1/team/people/" + staff.memberId().value()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page(partner, "/team")).contains("Mo Mate", "Partner basics " + suffix)
			.doesNotContain("Sal Staff", "Staff margins " + suffix, "Staff " + suffix);
		assertThat(page(partner, "/team/people/" + mate.memberId().value())).contains("Partner basics " + suffix)
			.doesNotContain("Staff margins " + suffix);
		assertThat(status(partner, "/team/people/" + staff.memberId().value())).isEqualTo(404);
		assertThat(page(partner, "/team/progress.csv")).contains("Mo Mate", "Partner basics " + suffix)
			.doesNotContain("Sal Staff", "Staff margins " + suffix);

		// Nor can they act on what they do not see.
		assertThat(api.post(partnerToken, "/api/v1/programs/" + internal + "/assignments",
				Map.of("memberIds", List.of(mate.memberId().value()))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post(partnerToken, "/api/v1/programs/" + theirs + "/assignments",
				Map.of("memberIds", List.of(staff.memberId().value()))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post(partnerToken, "/api/v1/team/programs/" + internal + "/reminders", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.delete(partnerToken, "/api/v1/team/people/" + mate.memberId().value() + "/programs/" + internal)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		// The organisation's own staff who manage the same group see it all.
		var staffManager = People.member(jdbc, directory, "acme", "Europe/London", "Max Manager", "LEARNER", "MANAGER");
		jdbc.sql("INSERT INTO member_group_managers (group_id, membership_id) VALUES (:group, :member)")
			.param("group", groupId).param("member", staffManager.memberId().value()).update();
		assertThat(page(staffManager, "/team/people/" + mate.memberId().value())).contains("Partner basics " + suffix,
				"Staff margins " + suffix);
	}

	@Test
	void aPartnersReviewAsksOnlyTheQuestionsOfLessonsTheyStillSee() throws Exception {
		var author = api.token("author@acme.test", "acme");
		var kept = published(author, "Partner routing " + suffix, "Route tickets to the desk.");
		var hidden = published(author, "Staff routing " + suffix, "Route tickets to the team.");
		// One of the organisation's own people learns both, and only then joins the partners' group.
		var joiner = People.learner(jdbc, directory, "acme", "Europe/London", "Jo Joiner");
		var joinerToken = tokens.issue(joiner, "joiner", null, false).secret();
		for (var lesson : List.of(kept, hidden)) {
			var answered = api.post(joinerToken, "/api/v1/attempts",
					Map.of("lessonId", lesson, "interactionId", "check", "optionIds", List.of("a")));
			assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.CREATED);
		}
		io.morsel.support.Eventually.await(() -> cardsOf(joiner) == 2);
		io.morsel.support.DueReviews.all(jdbc, joiner.userId().value(), java.time.Instant.now().minus(Duration.ofHours(2)));
		assertThat(reviewTitles(joinerToken)).containsExactlyInAnyOrder("Partner routing " + suffix,
				"Staff routing " + suffix);
		var hiddenCard = read(api.get(joinerToken, "/api/v1/reinforcement/review").getBody()).get("items")
			.valueStream()
			.filter(item -> item.get("lessonId").asString().equals(hidden))
			.findFirst()
			.orElseThrow();

		var program = program(author, "Partner routing " + suffix, kept);
		api.post(admin, "/api/v1/programs/" + program + "/assignments",
				Map.of("memberIds", List.of(joiner.memberId().value())));
		api.put(admin, "/api/v1/groups/" + groupId + "/members", Map.of("members",
				List.of(partner.memberId().value(), mate.memberId().value(), joiner.memberId().value())));

		assertThat(reviewTitles(joinerToken)).containsExactly("Partner routing " + suffix);
		var answeredHidden = reviewAnswer(joiner, hiddenCard);
		assertThat(answeredHidden.getStatus()).isEqualTo(404);
		assertThat(answeredHidden.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Staff routing");
		assertThat(page(joiner, "/review")).doesNotContain("Staff routing " + suffix);
		assertThat(page(joiner, "/today")).contains("1 question");
		var keptCard = read(api.get(joinerToken, "/api/v1/reinforcement/review").getBody()).at("/items/0");
		var answeredKept = reviewAnswer(joiner, keptCard);
		assertThat(answeredKept.getStatus()).isEqualTo(302);
		assertThat(answeredKept.getRedirectedUrl()).isEqualTo("/review/answers/" + keptCard.get("reviewItemId").asString());
	}

	@Test
	void nothingAPartnerMayNotSeeIsDeliveredOrListedToThem() throws Exception {
		var author = api.token("author@acme.test", "acme");
		var manager = api.token("manager@acme.test", "acme");
		var hidden = published(author, "Enterprise pricing call " + suffix, "Quote the enterprise tier.");
		var type = "deal.won-" + suffix;
		var rule = api.post(manager, "/api/v1/trigger-rules", Map.of("type", type, "name", "Deals " + suffix,
				"conditions", Map.of(), "lessonId", hidden, "dayOffset", 0, "at", "00:00"));
		assertThat(rule.getStatusCode()).as(rule.getBody()).isEqualTo(HttpStatus.CREATED);
		// A deal won by a staff member and one by a partner: both are planned, and available at once.
		for (var member : List.of(staff, mate)) {
			var trigger = api.post(manager, "/api/v1/triggers", Map.of("type", type, "user",
					member.userId().value().toString(), "at", java.time.OffsetDateTime.now().plusDays(2).toString(), "attributes",
					Map.of(), "idempotencyKey", "deal-" + suffix + "-" + member.userId().value()));
			assertThat(trigger.getStatusCode()).as(trigger.getBody()).isEqualTo(HttpStatus.ACCEPTED);
		}
		jdbc.sql("UPDATE deliveries SET available_at = :past WHERE lesson_id = :lesson")
			.param("past", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(1))))
			.param("lesson", UUID.fromString(hidden))
			.update();

		// What the next nudge brings is what Today's "Next up" shows (ADR 0028): the staff member's is the lesson.
		var now = java.time.Instant.now();
		var london = java.time.ZoneId.of("Europe/London");
		assertThat(nextUps.of(io.morsel.learning.Learner.of(staff), london, now).orElseThrow().title())
			.isEqualTo("Enterprise pricing call " + suffix);
		assertThat(page(staff, "/today")).contains("Enterprise pricing call " + suffix);
		assertThat(nextUps.of(io.morsel.learning.Learner.of(mate), london, now).map(io.morsel.learning.NextUp::title))
			.isNotEqualTo(java.util.Optional.of("Enterprise pricing call " + suffix));
		assertThat(page(mate, "/today")).doesNotContain("Enterprise pricing call " + suffix);

		// Nudges sent before the mate became a partner are no longer listed, counted or opened, and more of them than
		// a page holds, sent after the one they may see, do not crowd it out.
		var old = UUID.randomUUID();
		var review = UUID.randomUUID();
		var sends = new java.util.ArrayList<List<Object>>();
		sends.add(List.of(old, "TRIGGERED", "Enterprise pricing call " + suffix, "/lessons/" + hidden, 2));
		sends.add(List.of(review, "REVIEW", "Your review " + suffix, "/review", 3));
		for (int i = 0; i < 60; i++) {
			sends.add(List.of(UUID.randomUUID(), "TRIGGERED", "Enterprise pricing call " + suffix, "/lessons/" + hidden,
					4 + i));
		}
		for (var sent : sends) {
			jdbc.sql("""
					INSERT INTO delivery_sends (id, organisation_id, user_id, kind, title, path, minutes, in_app, email,
					                            sent_at, sent_by)
					VALUES (:id, :organisation, :user, :kind, :title, :path, 3, TRUE, FALSE, :at, 'an-earlier-node')
					""")
				.param("id", sent.get(0))
				.param("organisation", mate.organisationId().value())
				.param("user", mate.userId().value())
				.param("kind", sent.get(1))
				.param("title", sent.get(2))
				.param("path", sent.get(3))
				.param("at", java.sql.Timestamp.from(now.minus(Duration.ofDays(1)).plusSeconds((int) sent.get(4))))
				.update();
		}
		assertThat(page(mate, "/notifications")).contains("Your review " + suffix)
			.doesNotContain("Enterprise pricing call " + suffix);
		assertThat(page(mate, "/notifications/count")).contains("1 unread");
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/notifications/" + old + "/open")
			.with(SignedIn.as(mate))
			.with(io.morsel.support.Csrf.csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);

		// Nor is a series of a program they do not hold offered to them.
		var openTitle = read(api.get(staffToken, "/api/v1/programs").getBody()).valueStream()
			.filter(p -> p.path("selfEnrol").asBoolean(false))
			.findFirst()
			.orElseThrow()
			.get("title")
			.asString();
		assertThat(page(staff, "/delivery/series")).contains(openTitle);
		assertThat(page(mate, "/delivery/series")).doesNotContain(openTitle);
	}

	@Test
	void aSearchByAWordOnlyAHiddenLessonUsesFindsNothingForAPartner() throws Exception {
		var author = api.token("author@acme.test", "acme");
		var word = "zq" + suffix.replaceAll("[^a-z]", "") + "vex";
		// The partner's lesson is also in an internal program: published once in both, it carries both titles.
		var shown = draft(author, "Partner escalations " + suffix, "Escalate through the partner desk.");
		var program = program(author, "Partner support " + suffix, shown);
		program(author, "Internal escalations " + suffix, shown);
		publish(author, shown);
		published(author, "Internal margins " + suffix, "Our margin rule is called " + word + " internally.");
		api.post(admin, "/api/v1/programs/" + program + "/assignments", Map.of("memberIds", List.of(partner.memberId().value())));
		var until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (found(staffToken, word) == 0) {
			assertThat(System.nanoTime()).as("the staff member finds the new lesson").isLessThan(until);
			Thread.sleep(200);
		}

		assertThat(found(partnerToken, word)).isZero();
		var escalations = "/api/v1/search?q=escalate%20partner%20desk%20" + suffix;
		assertThat(programFacets(staffToken, escalations)).contains("Partner support " + suffix,
				"Internal escalations " + suffix);
		assertThat(programFacets(partnerToken, escalations)).contains("Partner support " + suffix)
			.doesNotContain("Internal escalations " + suffix);
		assertThat(page(partner, "/search?q=" + word)).doesNotContain("Internal margins " + suffix);
		assertThat(page(staff, "/search?q=" + word)).contains("Internal margins " + suffix);
		assertThat(page(partner, "/search/suggestions?q=Internal%20margins")).doesNotContain("Internal margins");
	}

	@Test
	void adminsMarkAGroupExternalOnTheirPage() {
		var browser = Browser.signedIn(port, "admin@acme.test", "morsel-demo");
		var name = "Resellers " + suffix;
		browser.post("/admin/groups", Map.of("name", name));
		var id = jdbc.sql("SELECT id FROM member_groups WHERE name = :name").param("name", name)
			.query(UUID.class).single();
		assertThat(browser.get("/admin").body()).contains("Mark as partners: " + name);

		assertThat(browser.post("/admin/groups/" + id + "/external", Map.of("external", "true")).location())
			.isEqualTo("/admin#groups");

		assertThat(read(api.get(admin, "/api/v1/groups/" + id).getBody()).get("external").asBoolean()).isTrue();
		assertThat(browser.get("/admin").body()).contains("Make it our own group: " + name);
	}

	@Test
	void refusesBadGroupRequestsClearly() {
		assertThat(api.post(admin, "/api/v1/groups", Map.of("name", " ")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.put(admin, "/api/v1/groups/" + groupId + "/external", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.put(admin, "/api/v1/groups/" + UUID.randomUUID() + "/external", Map.of("external", true))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post(admin, "/api/v1/groups", Map.of("name", "Partners " + suffix)).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(api.get(staffToken, "/api/v1/groups").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.put(partnerToken, "/api/v1/groups/" + groupId + "/external", Map.of("external", false))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	/** The path of the first video transcript of the demo lessons, which are in no program of the partner's. */
	private String demoTranscript() {
		for (var lesson : read(api.get(staffToken, "/api/v1/lessons").getBody())) {
			var playable = read(api.get(staffToken, "/api/v1/lessons/" + lesson.get("id").asString()).getBody());
			var steps = playable.get("steps");
			for (int i = 0; i < steps.size(); i++) {
				if ("video".equals(steps.get(i).at("/block/type").asString(""))) {
					return "/lessons/" + playable.get("id").asString() + "/versions/" + playable.get("version").asInt()
							+ "/transcripts/" + i + ".vtt";
				}
			}
		}
		throw new AssertionError("No demo lesson has a video");
	}

	/** The media id of the first uploaded video of the demo lessons. */
	private String demoVideoMedia() {
		for (var lesson : read(api.get(staffToken, "/api/v1/lessons").getBody())) {
			var playable = read(api.get(staffToken, "/api/v1/lessons/" + lesson.get("id").asString()).getBody());
			for (var step : playable.get("steps")) {
				// Lessons other tests import from the demo's files may still name their video "demo:<file>".
				if ("video".equals(step.at("/block/type").asString("")) && step.at("/block/media").isString()
						&& step.at("/block/media").asString().matches("[0-9a-f-]{36}")) {
					return step.at("/block/media").asString();
				}
			}
		}
		throw new AssertionError("No demo lesson has an uploaded video");
	}

	private static Map<String, Object> image(UUID media) {
		return Map.of("type", "image", "media", media.toString(), "alt", "A chart");
	}

	private static byte[] png(int colour) throws Exception {
		var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, colour);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** Answers a review question on the review page's form. */
	private org.springframework.mock.web.MockHttpServletResponse reviewAnswer(CurrentMember member, JsonNode item)
			throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/review/answers")
			.param("cardId", item.get("cardId").asString())
			.param("reviewItemId", item.get("reviewItemId").asString())
			.param("optionIds", "a")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 10_000))
			.with(SignedIn.as(member))
			.with(io.morsel.support.Csrf.csrf())).andReturn().getResponse();
	}

	/** A media file by the API's path, with a token (the API document leaves files out: they are not JSON). */
	private int mediaByApi(String token, UUID media) throws Exception {
		return mvc.perform(get("/api/v1/media/" + media).header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private long cardsOf(CurrentMember member) {
		return jdbc.sql("SELECT COUNT(*) FROM review_cards WHERE user_id = :user")
			.param("user", member.userId().value())
			.query(Long.class)
			.single();
	}

	private List<String> reviewTitles(String token) {
		return read(api.get(token, "/api/v1/reinforcement/review").getBody()).get("items")
			.valueStream()
			.map(item -> item.get("lessonTitle").asString())
			.toList();
	}

	private void setManager(UUID group) {
		jdbc.sql("INSERT INTO member_group_managers (group_id, membership_id) VALUES (:group, :member)")
			.param("group", group)
			.param("member", partner.memberId().value())
			.update();
	}

	private int found(String token, String word) {
		return read(api.get(token, "/api/v1/search?q=" + word).getBody()).get("total").asInt();
	}

	private List<String> programFacets(String token, String search) {
		return read(api.get(token, search).getBody()).at("/facets/program").valueStream()
			.map(c -> c.get("value").asString())
			.toList();
	}

	private String published(String author, String title, String text, Map<?, ?>... blocks) {
		var id = draft(author, title, text, blocks);
		publish(author, id);
		return id;
	}

	private void publish(String author, String lesson) {
		var published = api.post(author, "/api/v1/lessons/" + lesson + "/publish", null);
		assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.OK);
	}

	private String draft(String author, String title, String text, Map<?, ?>... more) {
		var check = Map.of("type", "single-choice", "id", "check", "prompt", "Which is so?", "assessesObjective", true,
				"options", List.of(Map.of("id", "a", "text", "This", "correct", true, "feedback", "Yes."),
						Map.of("id", "b", "text", "That", "correct", false, "feedback", "No.")));
		var blocks = new java.util.ArrayList<Object>(List.of(Map.of("type", "text", "markdown", text)));
		blocks.addAll(List.of(more));
		blocks.add(Map.of("type", "interaction", "interaction", check));
		var lesson = Map.of("title", title, "objective", "Explain what " + title.toLowerCase() + " means.",
				"estimatedMinutes", 3, "skills", List.of(), "blocks", blocks);
		var created = api.post(author, "/api/v1/lessons", lesson);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return read(created.getBody()).get("id").asString();
	}

	/** An assigned-only program of the one lesson; its id. */
	private String program(String author, String title, String lesson) {
		var created = api.post(author, "/api/v1/programs", Map.of("title", title, "outcome",
				"Partners resolve their first ticket alone.", "selfEnrol", false, "lessons", List.of(lesson)));
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return read(created.getBody()).get("id").asString();
	}

	private JsonNode read(String body) {
		return json.readTree(body);
	}

	private String page(CurrentMember member, String path) throws Exception {
		var response = mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private int status(CurrentMember member, String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse().getStatus();
	}
}
