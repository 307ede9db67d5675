package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/v1/triggers as an integration calls it (docs/api.md, "Triggers"): rules turn a trigger into deliveries at
 * a time relative to the event; an idempotency key acts once; bad input and other tenants' people are refused.
 */
@MorselIntegrationTest
class TriggerApiTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Api api;
	String manager;
	CurrentMember learner;
	LessonId lesson;
	String type;

	@BeforeEach
	void setUp() throws Exception {
		api = Api.on(port);
		manager = api.token("manager@acme.test", "acme");
		learner = People.learner(jdbc, directory, "acme", "Europe/Berlin", "Tess Trigger");
		lesson = Deliveries.lesson(lessons, directory, json, "acme", "Open a meeting with a question");
		type = "meeting.scheduled-" + UUID.randomUUID().toString().substring(0, 8);
		var rule = api.post(manager, "/api/v1/trigger-rules", Map.of("type", type, "name", "Prepare enterprise meetings",
				"conditions", Map.of("segment", "enterprise"), "lessonId", lesson.value(), "dayOffset", -1, "at", "18:00"));
		assertThat(rule.getStatusCode().value()).as(rule.getBody()).isEqualTo(201);
		assertThat(read(rule.getBody()).get("when").asString()).isEqualTo("1 day(s) before at 18:00");
	}

	@Test
	void aMatchingTriggerPlansTheLessonForTheEveningBeforeTheMeeting() {
		var meetingDay = LocalDate.now(BERLIN).plusDays(10);
		var meeting = ZonedDateTime.of(meetingDay, LocalTime.of(9, 30), BERLIN).toOffsetDateTime().toString();

		var answer = api.post(manager, "/api/v1/triggers", trigger(learner.email(), meeting, "enterprise", "crm-1-" + type));

		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
		var body = read(answer.getBody());
		assertThat(body.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(body.get("deliveries")).hasSize(1);
		var delivery = body.get("deliveries").get(0);
		assertThat(delivery.get("title").asString()).isEqualTo("Open a meeting with a question");
		assertThat(delivery.get("lessonId").asString()).isEqualTo(lesson.value().toString());
		assertThat(delivery.get("status").asString()).isEqualTo("PLANNED");
		var eveningBefore = ZonedDateTime.of(meetingDay.minusDays(1), LocalTime.of(18, 0), BERLIN).toInstant();
		assertThat(java.time.Instant.parse(delivery.get("availableAt").asString())).isEqualTo(eveningBefore);
		assertThat(java.time.Instant.parse(delivery.get("sendAt").asString())).isAfterOrEqualTo(eveningBefore);
		var shown = api.get(manager, "/api/v1/triggers/" + body.get("id").asString());
		assertThat(shown.getStatusCode().value()).isEqualTo(200);
		assertThat(read(shown.getBody()).get("deliveries").get(0).get("id").asString())
			.isEqualTo(delivery.get("id").asString());
	}

	@Test
	void theSameIdempotencyKeyAnswersTheSameTriggerAndPlansNothingTwice() {
		var at = ZonedDateTime.now(BERLIN).plusDays(5).toOffsetDateTime().toString();
		var key = "crm-2-" + type;

		var first = read(api.post(manager, "/api/v1/triggers", trigger(learner.email(), at, "enterprise", key)).getBody());
		var again = api.post(manager, "/api/v1/triggers", trigger(learner.userId().value().toString(), at, "enterprise", key));

		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(read(again.getBody()).get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE trigger_id = :id")
			.param("id", UUID.fromString(first.get("id").asString())).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM triggers WHERE idempotency_key = :key").param("key", key)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aTriggerNoRulesConditionsMatchIsReceivedAndIgnored() {
		var at = ZonedDateTime.now(BERLIN).plusDays(5).toOffsetDateTime().toString();
		var answer = api.post(manager, "/api/v1/triggers", trigger(learner.email(), at, "smb", "crm-3-" + type));
		assertThat(answer.getStatusCode().value()).isEqualTo(202);
		assertThat(read(answer.getBody()).get("status").asString()).isEqualTo("IGNORED");
		assertThat(read(answer.getBody()).get("deliveries")).isEmpty();
	}

	@Test
	void aMeetingThatHasPassedGetsNoLessonToPrepareForIt() {
		var past = ZonedDateTime.now(BERLIN).minusDays(2).toOffsetDateTime().toString();
		var body = read(api.post(manager, "/api/v1/triggers", trigger(learner.email(), past, "enterprise", "crm-4-" + type))
			.getBody());
		assertThat(body.get("deliveries").get(0).get("status").asString()).isEqualTo("LATE");
		assertThat(body.get("status").asString()).isEqualTo("DONE");
	}

	@Test
	void unknownPeopleOtherOrganisationsPeopleAndUnknownTypesAreNotFound() {
		var at = ZonedDateTime.now(BERLIN).plusDays(5).toOffsetDateTime().toString();
		var nobody = api.post(manager, "/api/v1/triggers", trigger("nobody@acme.test", at, "enterprise", "k-1-" + type));
		var foreign = api.post(manager, "/api/v1/triggers", trigger("learner@globex.test", at, "enterprise", "k-2-" + type));
		var body = trigger(learner.email(), at, "enterprise", "k-3-" + type);
		body.put("type", "product.unheard-of");
		var unknownType = api.post(manager, "/api/v1/triggers", body);

		assertThat(nobody.getStatusCode().value()).isEqualTo(404);
		assertThat(foreign.getStatusCode().value()).isEqualTo(404);
		assertThat(unknownType.getStatusCode().value()).isEqualTo(404);
		assertThat(read(unknownType.getBody()).get("detail").asString()).contains("product.unheard-of");
		// Another organisation's manager does not see this organisation's trigger either.
		var mine = read(api.post(manager, "/api/v1/triggers", trigger(learner.email(), at, "enterprise", "k-4-" + type))
			.getBody());
		var globex = api.token("manager@globex.test", "globex");
		assertThat(api.get(globex, "/api/v1/triggers/" + mine.get("id").asString()).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void malformedTimesAndAttributesAreProblemDetails() {
		var badTime = api.post(manager, "/api/v1/triggers", trigger(learner.email(), "tomorrow at nine", "enterprise",
				"m-1-" + type));
		var noOffset = api.post(manager, "/api/v1/triggers", trigger(learner.email(), "2026-05-04T09:30:00", "enterprise",
				"m-2-" + type));
		var nested = trigger(learner.email(), null, "enterprise", "m-3-" + type);
		nested.put("attributes", Map.of("deal", Map.of("size", 5)));
		var nestedAnswer = api.post(manager, "/api/v1/triggers", nested);
		var badName = trigger(learner.email(), null, "enterprise", "m-4-" + type);
		badName.put("attributes", Map.of("has space", "x"));
		var noKey = trigger(learner.email(), null, "enterprise", "");

		for (var answer : java.util.List.of(badTime, noOffset, nestedAnswer, api.post(manager, "/api/v1/triggers", badName),
				api.post(manager, "/api/v1/triggers", noKey))) {
			assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
			assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		}
		assertThat(read(badTime.getBody()).get("detail").asString()).contains("ISO-8601");
		assertThat(read(nestedAnswer.getBody()).get("detail").asString()).contains("'deal'");
	}

	@Test
	void learnersMayNotSendTriggersNorWriteRules() {
		var learnerToken = api.token("learner@acme.test", "acme");
		var at = ZonedDateTime.now(BERLIN).plusDays(5).toOffsetDateTime().toString();
		assertThat(api.post(learnerToken, "/api/v1/triggers", trigger(learner.email(), at, "enterprise", "l-" + type))
			.getStatusCode().value()).isEqualTo(403);
		assertThat(api.get(learnerToken, "/api/v1/trigger-rules").getStatusCode().value()).isEqualTo(403);
	}

	private Map<String, Object> trigger(String user, String at, String segment, String key) {
		var body = new LinkedHashMap<String, Object>();
		body.put("type", type);
		body.put("user", user);
		if (at != null) {
			body.put("at", at);
		}
		body.put("attributes", Map.of("segment", segment, "attendees", 4, "external", true));
		body.put("idempotencyKey", key);
		return body;
	}

	private JsonNode read(String body) {
		return json.readTree(body);
	}
}
