package io.morsel.delivery;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Csrf;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack and Teams, each stood in for by a local HTTP server: a nudge arrives with a button that opens what it brings;
 * a due single-choice review question comes with a button per option; answered in Slack (a request Slack signs) or
 * through a Teams card's link, it is recorded as in the review player, and Slack's message is replaced by the
 * feedback. Forged or replayed Slack requests record nothing.
 */
@MorselIntegrationTest
class ChatChannelTests {

	private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	TriggerRules rules;

	@Autowired
	Triggers triggers;

	@Autowired
	Cadences cadences;

	@Autowired
	Channels channels;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ChannelSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	ChannelOrganisation org;
	Receiver chat;

	@BeforeEach
	void setUp() throws Exception {
		org = ChannelOrganisation.create(jdbc, directory, cadences);
		chat = new Receiver(Receiver.Answer.json("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}"));
	}

	@AfterEach
	void tearDown() {
		chat.close();
	}

	@Test
	void aSlackNudgeOpensTheLessonFromAButton() throws Exception {
		slack();
		var lesson = org.lesson(lessons, json, "Meeting checklist");
		org.trigger(rules, triggers, lesson);

		var posted = sentTo("/api/chat.postMessage");

		assertThat(posted.header("Authorization")).isEqualTo("Bearer xoxb-morsel-test");
		var message = json.readTree(posted.body());
		assertThat(message.get("channel").asString()).isEqualTo("U0LEARNER1");
		assertThat(message.get("text").asString()).isEqualTo("Just in time for you: Meeting checklist");
		var open = button(message, "open");
		assertThat(open.get("text").get("text").asString()).isEqualTo("Open the lesson");
		assertThat(open.get("url").asString()).endsWith("/lessons/" + lesson.value());
	}

	@Test
	void aReviewQuestionAnsweredInSlackIsRecordedAsInThePlayerAndTheMessageShowsTheFeedback() throws Exception {
		slack();
		var lesson = org.lesson(lessons, json, "Observable verbs");
		answerInThePlayer(lesson);
		org.reviewDue(jdbc);
		org.trigger(rules, triggers, lesson);

		var message = json.readTree(sentTo("/api/chat.postMessage").body());

		assertThat(message.get("text").asString()).isEqualTo("Your daily review");
		assertThat(button(message, "open").get("url").asString()).endsWith("/review");
		var right = answerButton(message, "List");
		assertThat(answerButton(message, "Understand")).isNotNull();

		// Forged: the wrong secret; replayed: signed right, six minutes ago. Neither is recorded.
		var click = click(right.get("value").asString(), "U0LEARNER1");
		var now = String.valueOf(Instant.now().getEpochSecond());
		assertThat(interact(click, now, sign("not-the-secret", now, click))).isEqualTo(401);
		var old = String.valueOf(Instant.now().minusSeconds(360).getEpochSecond());
		assertThat(interact(click, old, sign(SIGNING_SECRET, old, click))).isEqualTo(401);
		assertThat(interact(click, now, null)).isEqualTo(401);
		// Someone else in the workspace, with a copy of the button: not theirs to answer.
		var stranger = click(right.get("value").asString(), "U0STRANGER");
		assertThat(interact(stranger, now, sign(SIGNING_SECRET, now, stranger))).isEqualTo(404);
		assertThat(org.reviews(jdbc, "review")).isZero();

		assertThat(interact(click, now, sign(SIGNING_SECRET, now, click))).isEqualTo(200);

		assertThat(org.reviews(jdbc, "review")).isEqualTo(1);
		var replaced = json.readTree(sentTo("/respond/T1").body());
		assertThat(replaced.get("replace_original").asBoolean()).isTrue();
		assertThat(replaced.toString()).contains("Right.", "You can see a list.", "Observable verbs make objectives");
		// Slack may deliver the click twice: the review is stored once.
		assertThat(interact(click, now, sign(SIGNING_SECRET, now, click))).isEqualTo(200);
		assertThat(org.reviews(jdbc, "review")).isEqualTo(1);
	}

	@Test
	void aTeamsCardAnswersItsReviewQuestionThroughSignedLinks() throws Exception {
		channels.change(org.admin().organisationId(),
				new io.morsel.delivery.ChannelSettings.Change(false, null, null, null, true, null, null));
		channels.choose(org.learner().organisationId(), org.learner().userId(),
				new LearnerChannels(false, null, true, chat.url("/workflows/lee")));
		var lesson = org.lesson(lessons, json, "Observable verbs for Teams");
		answerInThePlayer(lesson);
		org.reviewDue(jdbc);
		org.trigger(rules, triggers, lesson);

		var card = json.readTree(sentTo("/workflows/lee").body());

		var attachment = card.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		var actions = StreamSupport.stream(attachment.get("content").get("actions").spliterator(), false).toList();
		assertThat(actions).extracting(a -> a.get("title").asString())
			.containsExactlyInAnyOrder("List", "Understand", "Open the review");
		var list = actions.stream().filter(a -> a.get("title").asString().equals("List")).findFirst().orElseThrow();
		var path = URI.create(list.get("url").asString()).getPath();

		// Following the link (as a link preview would) answers nothing; the button on the page does, without sign-in.
		var page = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Which verb can you observe?", "List");
		assertThat(org.reviews(jdbc, "review")).isZero();
		var answered = mvc.perform(post(path).with(Csrf.csrf())).andReturn().getResponse();
		assertThat(answered.getContentAsString()).contains("Right.", "You can see a list.");
		assertThat(org.reviews(jdbc, "review")).isEqualTo(1);

		var forged = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
		assertThat(mvc.perform(get(forged)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void learnersChooseSlackOnTheirSettingsPageOnceTheOrganisationHasIt() throws Exception {
		var learner = org.learner();
		assertThat(settingsPage()).doesNotContain("Your Slack member id");
		slack();
		assertThat(settingsPage()).contains("Your Slack member id").doesNotContain("Your Teams workflow address");

		var refused = mvc.perform(post("/delivery/settings/channels").with(SignedIn.as(learner)).with(Csrf.csrf())
			.param("slack", "true").param("slackUser", "not an id")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/delivery/settings");
		assertThat(refused.getFlashMap().get("channelError").toString()).contains("U024BE7LH");
		assertThat(channels.learner(learner.organisationId(), learner.userId()).slackUser()).isEqualTo("U0LEARNER1");

		mvc.perform(post("/delivery/settings/channels").with(SignedIn.as(learner)).with(Csrf.csrf())
			.param("slack", "true").param("slackUser", "U0OTHER22"));
		assertThat(channels.learner(learner.organisationId(), learner.userId()))
			.isEqualTo(new LearnerChannels(true, "U0OTHER22", false, null));
	}

	private void slack() {
		channels.change(org.admin().organisationId(), new ChannelSettings.Change(true, chat.url("/api"),
				"xoxb-morsel-test", SIGNING_SECRET, false, null, null));
		channels.choose(org.learner().organisationId(), org.learner().userId(),
				new LearnerChannels(true, "U0LEARNER1", false, null));
	}

	private String settingsPage() throws Exception {
		return mvc.perform(get("/delivery/settings").with(SignedIn.as(org.learner()))).andReturn().getResponse()
			.getContentAsString();
	}

	private Receiver.Request sentTo(String path) {
		await(() -> {
			dispatcher.sendDue();
			sender.sendDue();
			return !chat.requests(path).isEmpty();
		});
		return chat.requests(path).getFirst();
	}

	private String click(String value, String slackUser) {
		var payload = json.createObjectNode();
		payload.put("type", "block_actions");
		payload.putObject("user").put("id", slackUser);
		payload.putObject("team").put("id", "T1");
		payload.put("response_url", chat.url("/respond/T1"));
		payload.putArray("actions").addObject().put("action_id", "answer-0").put("block_id", "answer")
			.put("value", value);
		return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
	}

	/** Posts an interaction to Morsel as Slack would; the signature header is left out when null. */
	private int interact(String body, String timestamp, String signature) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/channels/slack/"
				+ org.admin().organisationId().value() + "/interactions"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp);
		if (signature != null) {
			request.header("X-Slack-Signature", signature);
		}
		return HttpClient.newHttpClient()
			.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** Slack's signature, computed here as Slack documents it, apart from Morsel's own code. */
	private static String sign(String secret, String timestamp, String body) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
			.getBytes(StandardCharsets.UTF_8)));
	}

	private void answerInThePlayer(LessonId lesson) throws Exception {
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(org.learner())));
		var response = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 2000)).param("optionIds", "a")
			.with(SignedIn.as(org.learner())).with(Csrf.csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
	}

	private static JsonNode button(JsonNode message, String blockId) {
		for (var block : message.get("blocks")) {
			if (blockId.equals(block.path("block_id").asString(""))) {
				return block.get("elements").get(0);
			}
		}
		throw new AssertionError("No block " + blockId + " in " + message);
	}

	private static JsonNode answerButton(JsonNode message, String text) {
		for (var block : message.get("blocks")) {
			if ("answer".equals(block.path("block_id").asString(""))) {
				for (var element : block.get("elements")) {
					if (element.get("text").get("text").asString().equals(text)) {
						return element;
					}
				}
			}
		}
		throw new AssertionError("No answer button " + text + " in " + message);
	}
}
