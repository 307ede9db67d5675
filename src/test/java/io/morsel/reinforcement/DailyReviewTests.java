package io.morsel.reinforcement;

import static io.morsel.support.Eventually.await;
import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonId;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner's first answer to an assessed question makes its review card; Today offers the daily review while
 * something is due, capped; a review answer reschedules the card at once and is stored once.
 */
@MorselIntegrationTest
class DailyReviewTests {

	private static final Pattern CARD = Pattern.compile("name=\"cardId\" value=\"([0-9a-f-]{36})\"");
	private static final Pattern ITEM = Pattern.compile("name=\"reviewItemId\" value=\"([0-9a-f-]{36})\"");
	private static final Pattern OPTION = Pattern.compile("name=\"optionIds\" value=\"([a-z]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anAssessedQuestionAnsweredInThePlayerBecomesACardWithItsFirstReview() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Carded");

		answerInThePlayer(learner, lesson, "verb", "optionIds", "a");
		// Not assessing the objective: never carded.
		answerInThePlayer(learner, lesson, "top", "optionIds", "a", "optionIds", "b");

		await(() -> reviewers.cards(learner) == 1 && reviewers.reviews(learner, "lesson") == 1);
		var card = jdbc.sql("""
				SELECT c.interaction_id, c.reps, r.rating, r.response
				FROM review_cards c
				JOIN reviews r ON r.card_id = c.id
				WHERE c.user_id = :user
				""").param("user", learner.userId().value())
			.query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3), String.valueOf(rs.getString(4))))
			.single();
		// Right within 8 seconds: easy (GradeRule). The answer itself stays with the lesson's answers.
		assertThat(card).containsExactly("verb", 1, Rating.EASY.grade(), "null");
	}

	@Test
	void anAnswerRecordedTwiceMakesOneCardAndOneFirstReview(@Autowired FirstReviews listener) {
		// Twice in one write's batch, and that batch announced twice.
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Twice");
		var event = new io.morsel.learning.AnswerRecorded(learner.organisationId(), learner.userId(), lesson, 1, "verb",
				List.of(), true, false, 0, null, Instant.now());

		var batch = new io.morsel.learning.AnswersRecorded(List.of(event, event));
		listener.on(batch);
		listener.on(batch);

		await(() -> reviewers.cards(learner) == 1 && reviewers.reviews(learner, "lesson") == 1);
		await(() -> publicationsRunning() == 0);
		assertThat(reviewers.cards(learner)).isEqualTo(1);
		assertThat(reviewers.reviews(learner, "lesson")).isEqualTo(1);
	}

	@Test
	void todayOffersTheReviewOnlyWhileSomethingIsDue() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Today");
		assertThat(today(learner)).doesNotContain("review-card");

		answerInThePlayer(learner, lesson, "verb", "optionIds", "a");
		await(() -> reviewers.cards(learner) == 1);
		reviewers.due(learner, Instant.now().plus(Duration.ofDays(3)));
		assertThat(today(learner)).doesNotContain("review-card");

		reviewers.due(learner, Instant.now().minus(Duration.ofHours(1)));
		assertThat(today(learner)).contains("review-card", "1 question, about 1 minute", "href=\"/review\"");
	}

	@Test
	void aReviewAnswerReschedulesTheCardAndIsLoggedOnceThoughSentTwice() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Reviewed");
		answerInThePlayer(learner, lesson, "verb", "optionIds", "b");
		await(() -> reviewers.cards(learner) == 1);
		reviewers.due(learner, Instant.now().minus(Duration.ofHours(1)));
		var before = memory(learner);

		var page = mvc.perform(get("/review").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Which verb can you observe?", "name=\"optionIds\"");
		var card = find(CARD, page);
		var item = find(ITEM, page);
		var answer = post("/review/answers").param("cardId", card).param("reviewItemId", item).param("optionIds", "a")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 12_000));

		var first = mvc.perform(answer.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		var again = mvc.perform(answer.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();

		assertThat(first.getStatus()).isEqualTo(302);
		assertThat(first.getRedirectedUrl()).isEqualTo("/review/answers/" + item);
		assertThat(again.getRedirectedUrl()).isEqualTo("/review/answers/" + item);
		var outcome = mvc.perform(get(first.getRedirectedUrl()).with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();
		assertThat(outcome).contains("Correct.", "List", "Observable verbs make objectives measurable.", "href=\"/review\"");
		var after = memory(learner);
		assertThat(after.reps()).isEqualTo(before.reps() + 1);
		assertThat(after.due()).isAfter(Instant.now());
		assertThat(after.stability()).isNotEqualTo(before.stability());
		assertThat(reviews(learner)).singleElement().satisfies(review -> {
			assertThat(review.get("rating")).isEqualTo(Rating.GOOD.grade()); // Right in 12 s: good.
			assertThat((String) review.get("response")).contains("\"a\"");
			assertThat(((Number) review.get("time_taken_ms")).longValue()).isGreaterThanOrEqualTo(12_000);
		});
	}

	@Test
	void theApiAnswersAReviewOnceAndAReplayWithTheStoredResult() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Api");
		answerInThePlayer(learner, lesson, "case", "optionIds", "b");
		await(() -> reviewers.cards(learner) == 1);
		reviewers.due(learner, Instant.now().minus(Duration.ofMinutes(5)));

		var due = json.readTree(api(learner, get("/api/v1/reinforcement/review")).getContentAsString());
		assertThat(due.get("items")).hasSize(1);
		var item = due.get("items").get(0);
		assertThat(item.get("question").get("prompt").asString()).isNotBlank();
		assertThat(item.toString()).doesNotContain("correct");
		var body = Map.of("cardId", item.get("cardId").asString(), "reviewItemId", item.get("reviewItemId").asString(),
				"optionIds", List.of("a"), "timeTakenMs", 3000);

		var first = api(learner, post("/api/v1/reinforcement/reviews"), body);
		var replay = api(learner, post("/api/v1/reinforcement/reviews"), body);
		var replayOfAnotherAnswer = api(learner, post("/api/v1/reinforcement/reviews"),
				Map.of("cardId", body.get("cardId"), "reviewItemId", body.get("reviewItemId"), "optionIds", List.of("z")));

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(replay.getStatus()).isEqualTo(200);
		assertThat(replayOfAnotherAnswer.getStatus()).isEqualTo(200);
		assertThat(json.readTree(replayOfAnotherAnswer.getContentAsString()))
			.isEqualTo(json.readTree(replay.getContentAsString()));
		var feedback = json.readTree(first.getContentAsString());
		assertThat(feedback.get("correct").asBoolean()).isTrue();
		assertThat(feedback.get("rating").asInt()).isEqualTo(Rating.EASY.grade());
		assertThat(Instant.parse(feedback.get("due").asString())).isAfter(Instant.now().plus(Duration.ofHours(12)));
		assertThat(json.readTree(replay.getContentAsString())).isEqualTo(feedback);
		assertThat(reviewers.reviews(learner, "review")).isEqualTo(1);
		assertThat(json.readTree(api(learner, get("/api/v1/reinforcement/review")).getContentAsString()).get("items"))
			.isEmpty();
		var docs = json.readTree(api(learner, get("/api/docs")).getContentAsString());
		assertThat(docs.at("/paths/~1api~1v1~1reinforcement~1review/get/summary").asString()).startsWith("Today's review");
		assertThat(docs.at("/paths/~1api~1v1~1reinforcement~1reviews/post/summary").asString()).startsWith("Answer one");
	}

	@Test
	void theSameAnswerSentTwiceAtOnceIsOneReview() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Raced");
		answerInThePlayer(learner, lesson, "verb", "optionIds", "b");
		await(() -> reviewers.cards(learner) == 1);
		var body = Map.of("cardId", Cards.idOf(io.morsel.learning.Learner.of(learner), lesson, "verb"),
				"reviewItemId", UUID.randomUUID(), "optionIds", List.of("a"));

		try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
			var sent = new ArrayList<java.util.concurrent.Future<MockHttpServletResponse>>();
			for (int i = 0; i < 4; i++) {
				sent.add(executor.submit(() -> api(learner, post("/api/v1/reinforcement/reviews"), body)));
			}
			var statuses = new ArrayList<Integer>();
			for (var response : sent) {
				statuses.add(response.get().getStatus());
			}
			assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
		}
		assertThat(reviewers.reviews(learner, "review")).isEqualTo(1);
	}

	@Test
	void anotherOrganisationsCardIsNotFoundAndBadInputIsRefused() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Theirs");
		answerInThePlayer(learner, lesson, "verb", "optionIds", "a");
		await(() -> reviewers.cards(learner) == 1);
		var card = Cards.idOf(io.morsel.learning.Learner.of(learner), lesson, "verb");
		var stranger = reviewers.learner("acme", "UTC");
		var colleague = reviewers.learner("globex", "UTC");

		// The learner's own request first: the node then knows the card, and still refuses it to anyone else.
		var noAnswer = api(learner, post("/api/v1/reinforcement/reviews"),
				Map.of("cardId", card, "reviewItemId", UUID.randomUUID()));
		var theirs = api(stranger, post("/api/v1/reinforcement/reviews"),
				Map.of("cardId", card, "reviewItemId", UUID.randomUUID(), "optionIds", List.of("a")));
		var page = mvc.perform(post("/review/answers").param("cardId", card.toString())
			.param("reviewItemId", UUID.randomUUID().toString()).param("optionIds", "a")
			.with(SignedIn.as(stranger)).with(csrf())).andReturn().getResponse();
		var colleagues = api(colleague, post("/api/v1/reinforcement/reviews"),
				Map.of("cardId", card, "reviewItemId", UUID.randomUUID(), "optionIds", List.of("a")));
		var unknownOption = api(learner, post("/api/v1/reinforcement/reviews"),
				Map.of("cardId", card, "reviewItemId", UUID.randomUUID(), "optionIds", List.of("z")));
		var noCard = api(learner, post("/api/v1/reinforcement/reviews"), Map.of("optionIds", List.of("a")));

		assertThat(theirs.getStatus()).isEqualTo(404);
		assertThat(theirs.getContentType()).contains("application/problem+json");
		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(colleagues.getStatus()).isEqualTo(404);
		assertThat(noAnswer.getStatus()).isEqualTo(400);
		assertThat(unknownOption.getStatus()).isEqualTo(400);
		assertThat(noCard.getStatus()).isEqualTo(400);
		assertThat(reviewers.reviews(learner, "review")).isZero();
	}

	@Test
	void theReviewIsCappedPerDayLessonsTakeTurnsAndNoBacklogIsShown() throws Exception {
		// Its reviews and its checks must fall on one review day of the learner's, however slowly it runs: in UTC, a
		// run across 04:00 would start a new day between the answers and the checks, letting the two cards beyond the
		// cap back in.
		var learner = reviewers.learner("globex", middayZone());
		for (var title : List.of("First", "Second", "Third")) {
			var lesson = reviewers.lesson("globex", title);
			for (var question : List.of("verb", "all", "case")) {
				answerInThePlayer(learner, lesson, question, "optionIds", "b");
			}
			answerInThePlayer(learner, lesson, "match", "pair.verb", "inFive", "pair.condition", "create");
		}
		await(() -> reviewers.cards(learner) == 12);
		reviewers.due(learner, Instant.now().minus(Duration.ofHours(2)));

		var today = today(learner);
		assertThat(today).contains("10 questions, about 3 minutes").doesNotContain("12 questions");
		var items = json.readTree(api(learner, get("/api/v1/reinforcement/review")).getContentAsString()).get("items");
		assertThat(items).hasSize(10);
		var lessons = new ArrayList<String>();
		items.forEach(item -> lessons.add(item.get("lessonId").asString()));
		for (int i = 1; i < lessons.size(); i++) {
			assertThat(lessons.get(i)).as("item %d comes from another lesson than the one before", i)
				.isNotEqualTo(lessons.get(i - 1));
		}

		for (var item : items) {
			var answered = api(learner, post("/api/v1/reinforcement/reviews"), answerTo(item));
			assertThat(answered.getStatus()).isEqualTo(201);
		}

		// Two cards are still due, but today's ten are done.
		assertThat(jdbc.sql("SELECT count(*) FROM review_cards WHERE user_id = :user AND due < :now")
			.param("user", learner.userId().value()).param("now", java.time.OffsetDateTime.now())
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(json.readTree(api(learner, get("/api/v1/reinforcement/review")).getContentAsString()).get("items"))
			.isEmpty();
		assertThat(today(learner)).doesNotContain("review-card");
		assertThat(mvc.perform(get("/review").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString())
			.contains("Done for today.");
	}

	@Test
	void questionsOfOneSkillDoNotFollowEachOtherWhenAnotherSkillIsDue(@Autowired FirstReviews listener,
			@Autowired io.morsel.catalog.Skills skills) throws Exception {
		var learner = reviewers.learner("globex", middayZone());
		var tense = skills.add(learner.organisationId(), "Tense " + UUID.randomUUID(), null, null).id();
		var plural = skills.add(learner.organisationId(), "Plural " + UUID.randomUUID(), null, null).id();
		var first = reviewers.lesson("globex", "Tense one");
		var second = reviewers.lesson("globex", "Tense two");
		var other = reviewers.lesson("globex", "Plural");
		var skillOf = Map.of(first, tense, second, tense, other, plural);
		var hoursAgo = Map.of(first, 3, second, 2, other, 1);
		for (var lesson : List.of(first, second, other)) {
			listener.on(new io.morsel.learning.AnswersRecorded(List.of(new io.morsel.learning.AnswerRecorded(
					learner.organisationId(), learner.userId(), lesson, 1, "verb", List.of(skillOf.get(lesson)), true,
					true, 1, Duration.ofSeconds(3), Instant.now()))));
		}
		await(() -> reviewers.cards(learner) == 3);
		for (var lesson : List.of(first, second, other)) {
			jdbc.sql("UPDATE review_cards SET due = :due WHERE id = :id")
				.param("due", java.time.OffsetDateTime.now().minusHours(hoursAgo.get(lesson)))
				.param("id", Cards.idOf(io.morsel.learning.Learner.of(learner), lesson, "verb"))
				.update();
		}
		io.morsel.support.DueReviews.kept(jdbc, learner.userId().value());

		var items = json.readTree(api(learner, get("/api/v1/reinforcement/review")).getContentAsString()).get("items");

		// Soonest first would ask both questions of "tense" in a row.
		var lessons = new ArrayList<String>();
		items.forEach(item -> lessons.add(item.get("lessonId").asString()));
		assertThat(lessons).containsExactly(first.value().toString(), other.value().toString(),
				second.value().toString());
	}

	@Test
	void htmxSwapsTheQuestionForItsFeedbackOrForItselfWithTheRefusal() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Swapped");
		answerInThePlayer(learner, lesson, "verb", "optionIds", "b");
		await(() -> reviewers.cards(learner) == 1);
		reviewers.due(learner, Instant.now().minus(Duration.ofHours(1)));
		var page = mvc.perform(get("/review").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
		var card = find(CARD, page);
		var item = find(ITEM, page);

		var refused = mvc.perform(post("/review/answers").param("cardId", card).param("reviewItemId", item)
			.header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		var answered = mvc.perform(post("/review/answers").param("cardId", card).param("reviewItemId", item)
			.param("optionIds", "b").header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf()))
			.andReturn().getResponse();

		assertThat(refused.getContentAsString()).doesNotContain("<html").contains("id=\"review-item\"", "Choose an answer first.",
				"name=\"reviewItemId\" value=\"" + item + "\"");
		// Marked in place as in the player: the wrong pick with its feedback, the right answer shown beside it.
		assertThat(answered.getContentAsString()).doesNotContain("<html").contains("id=\"review-item\"", "Not quite.",
				"You cannot see understanding.", "Your pick: wrong", "Right answer, not picked", "class=\"marks\"");
		assertThat(reviews(learner)).singleElement()
			.satisfies(review -> assertThat(review.get("rating")).isEqualTo(Rating.AGAIN.grade()));
	}

	@Test
	void aReloadShowsTheSameQuestionWithItsOptionsInTheSameOrder() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Shuffled");
		answerInThePlayer(learner, lesson, "verb", "optionIds", "b");
		await(() -> reviewers.cards(learner) == 1);
		reviewers.due(learner, Instant.now().minus(Duration.ofHours(1)));

		var first = mvc.perform(get("/review").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
		var reload = mvc.perform(get("/review").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();

		assertThat(find(ITEM, reload)).isEqualTo(find(ITEM, first));
		assertThat(all(OPTION, reload)).isEqualTo(all(OPTION, first)).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void aCardDueBeforeTheDayStartsAtFourCountsForTheDayBefore() throws Exception {
		var zone = java.time.ZoneId.of("America/New_York");
		var learner = reviewers.learner("globex", zone.getId());
		var lesson = reviewers.lesson("globex", "Late");
		answerInThePlayer(learner, lesson, "verb", "optionIds", "a");
		await(() -> reviewers.cards(learner) == 1);
		var day = DayBoundary.of(zone);
		var tomorrow = day.reviewDay(Instant.now()).plusDays(1);

		reviewers.due(learner, tomorrow.atTime(3, 0).atZone(zone).toInstant());
		assertThat(today(learner)).contains("review-card");

		reviewers.due(learner, tomorrow.atTime(4, 30).atZone(zone).toInstant());
		assertThat(today(learner)).doesNotContain("review-card");
	}

	private void answerInThePlayer(CurrentMember learner, LessonId lesson, String interaction, String... fields)
			throws Exception {
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
		var request = post("/lessons/" + lesson.value() + "/answers/" + interaction)
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 2000));
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		var response = mvc.perform(request.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
	}

	/**
	 * A time zone in which it is about midday now, far from the start of a review day (04:00), so that a test's reviews
	 * all fall on one review day.
	 */
	private static String middayZone() {
		var hour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
		return java.time.ZoneOffset.ofHours(Math.floorMod(24 - hour, 24) - 12).getId();
	}

	private String today(CurrentMember learner) throws Exception {
		return mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletResponse api(CurrentMember learner,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(SignedIn.as(learner))).andReturn().getResponse();
	}

	private MockHttpServletResponse api(CurrentMember learner,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body)
			throws Exception {
		return api(learner, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
	}

	/** A right answer to one of every-block.json's assessed questions. */
	private static Map<String, Object> answerTo(JsonNode item) {
		var question = item.get("question").get("id").asString();
		var answer = new java.util.HashMap<String, Object>(Map.of("cardId", item.get("cardId").asString(),
				"reviewItemId", item.get("reviewItemId").asString()));
		switch (question) {
			case "match" -> answer.put("pairs", Map.of("verb", "create", "condition", "inFive"));
			default -> answer.put("optionIds", List.of("a"));
		}
		return answer;
	}

	private ReviewCard memory(CurrentMember learner) {
		return jdbc.sql("SELECT id FROM review_cards WHERE user_id = :user").param("user", learner.userId().value())
			.query(UUID.class).list().stream()
			.map(id -> jdbc.sql("SELECT stability, due, reps FROM review_cards WHERE id = :id").param("id", id)
				.query((rs, n) -> new ReviewCard(CardState.NEW, rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
						rs.getDouble(1), 0, 0, 0, rs.getInt(3), 0, 0, null)).single())
			.findFirst().orElseThrow();
	}

	private List<Map<String, Object>> reviews(CurrentMember learner) {
		return jdbc.sql("SELECT rating, response, time_taken_ms FROM reviews WHERE user_id = :user AND source = 'review'")
			.param("user", learner.userId().value()).query().listOfRows();
	}

	private int publicationsRunning() {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE completion_date IS NULL AND listener_id LIKE '%FirstReviews%' AND status <> 'FAILED'
				""").query(Integer.class).single();
	}

	private static String find(Pattern pattern, String html) {
		var matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(Pattern pattern, String html) {
		var found = new ArrayList<String>();
		var matcher = pattern.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
