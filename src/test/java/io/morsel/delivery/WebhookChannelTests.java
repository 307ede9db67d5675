package io.morsel.delivery;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Lessons;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Csrf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhooks, and what a failing channel does, against a local HTTP server: every send is posted with an
 * HMAC-SHA256 signature; a 500, a timeout or a 429 is tried again later (exponential backoff, or the receiver's
 * Retry-After), a refusal or too many failures make a dead letter, which an administrator replays.
 */
@MorselIntegrationTest
class WebhookChannelTests {

	private static final String SECRET = "whsec-" + UUID.randomUUID();

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
	Receiver hook;

	@BeforeEach
	void setUp() throws Exception {
		org = ChannelOrganisation.create(jdbc, directory, cadences);
		hook = new Receiver(Receiver.Answer.of(204));
		channels.change(org.admin().organisationId(),
				new ChannelSettings.Change(false, null, null, null, false, hook.url("/hooks/morsel"), SECRET));
	}

	@AfterEach
	void tearDown() {
		hook.close();
	}

	@Test
	void everySendIsPostedSignedWithTheOrganisationsSecret() throws Exception {
		var lesson = org.lesson(lessons, json, "Release 4.2 in five minutes");
		org.trigger(rules, triggers, lesson);

		await(() -> {
			dispatcher.sendDue();
			return hook.requests().size() == 1;
		});

		var request = hook.requests().getFirst();
		var signature = request.header("Morsel-Signature");
		assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
		var t = signature.substring(2, signature.indexOf(','));
		assertThat(signature).endsWith("v1=" + hmac(SECRET, t + "." + request.body()));
		assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(120);
		var event = json.readTree(request.body());
		assertThat(event.get("type").asString()).isEqualTo("delivery.sent");
		assertThat(event.get("title").asString()).isEqualTo("Release 4.2 in five minutes");
		assertThat(event.get("url").asString()).endsWith("/lessons/" + lesson.value());
		assertThat(event.get("learner").asString()).isEqualTo(org.learner().userId().value().toString());
		assertThat(request.header("Morsel-Message-Id")).isEqualTo(event.get("id").asString());
		// Recorded once the receiver's answer is in.
		await(() -> "DELIVERED".equals(message().get("status")));
	}

	@Test
	void aServerErrorIsTriedAgainWithExponentialBackoffThenGivenUp() throws Exception {
		hook.answerFromNowOn(Receiver.Answer.of(500));
		sendOne();

		awaitAttempts(1);
		var first = message();
		assertThat(first.get("status")).isEqualTo("PENDING");
		assertThat(first.get("last_error")).isEqualTo("HTTP 500");
		assertThat(waitOf(first)).isCloseTo(sender.backoff().after(1).toSeconds(), within(5L));

		dueNow();
		awaitAttempts(2);
		assertThat(waitOf(message())).isCloseTo(sender.backoff().after(2).toSeconds(), within(5L));
		assertThat(sender.backoff().after(2)).isEqualTo(sender.backoff().after(1).multipliedBy(2));

		// The last attempt fails too: a dead letter, with what went wrong.
		jdbc.sql("UPDATE delivery_channel_messages SET attempts = :last WHERE user_id = :user")
			.param("last", sender.backoff().attempts() - 1).param("user", org.learner().userId().value()).update();
		dueNow();
		await(() -> "DEAD".equals(message().get("status")));
		assertThat((String) message().get("last_error")).contains("HTTP 500", "gave up after");
	}

	@Test
	void aTooManyRequestsAnswerIsTriedAgainWhenItsRetryAfterSays() throws Exception {
		hook.answerNext(new Receiver.Answer(429, Map.of("Retry-After", "120"), "", 0));
		sendOne();

		awaitAttempts(1);

		var message = message();
		assertThat(message.get("status")).isEqualTo("PENDING");
		assertThat(message.get("last_error")).isEqualTo("429 Too Many Requests");
		assertThat(waitOf(message)).isCloseTo(120L, within(5L));
		dueNow();
		await(() -> "DELIVERED".equals(message().get("status")));
		assertThat(hook.requests()).hasSize(2);
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeIsTriedAgainLater() throws Exception {
		// The tests' timeout is 2 s (application-test.properties).
		hook.answerNext(new Receiver.Answer(204, Map.of(), "", 4_000));
		sendOne();

		awaitAttempts(1);

		await(() -> message().get("last_error") != null);
		var message = message();
		assertThat(message.get("status")).isEqualTo("PENDING");
		assertThat((String) message.get("last_error")).startsWith("No answer within 2 s");
		assertThat(waitOf(message)).isCloseTo(sender.backoff().after(1).toSeconds(), within(5L));
	}

	@Test
	void aRefusalIsADeadLetterAtOnceWhichAnAdministratorReplays() throws Exception {
		hook.answerNext(Receiver.Answer.of(410));
		sendOne();
		await(() -> "DEAD".equals(message().get("status")));
		assertThat(hook.requests()).hasSize(1);

		var admin = org.admin();
		var page = mvc.perform(get("/delivery/channels").with(SignedIn.as(admin))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Dead letters", "WEBHOOK", "HTTP 410");
		var id = (UUID) message().get("id");
		// Another organisation's administrator cannot replay it, nor a learner.
		var acmeAdmin = directory.member("admin@acme.test", "acme").orElseThrow();
		assertThat(mvc.perform(post("/delivery/dead-letters/" + id + "/replay").with(SignedIn.as(acmeAdmin))
			.with(Csrf.csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/delivery/dead-letters/" + id + "/replay").with(SignedIn.as(org.learner()))
			.with(Csrf.csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(channels.deadLetters(acmeAdmin.organisationId(), 100)).noneMatch(d -> d.id().equals(id));

		var replayed = mvc.perform(post("/delivery/dead-letters/" + id + "/replay").with(SignedIn.as(admin))
			.with(Csrf.csrf())).andReturn().getResponse();

		assertThat(replayed.getRedirectedUrl()).isEqualTo("/delivery/channels");
		await(() -> "DELIVERED".equals(message().get("status")));
		assertThat(hook.requests()).hasSize(2);
		assertThat(hook.requests().get(1).body()).isEqualTo(hook.requests().get(0).body());
		assertThat(channels.deadLetters(admin.organisationId(), 100)).isEmpty();
	}

	@Test
	void administratorsRefuseAWebhookWithoutASecretOrAnAddressThatIsNotOne() throws Exception {
		var admin = org.admin();
		var noSecret = mvc.perform(post("/delivery/channels").with(SignedIn.as(admin)).with(Csrf.csrf())
			.param("webhookUrl", "https://example.test/hook").param("webhookSecret", "")).andReturn().getResponse();
		// The secret set in setUp is kept when the field is left empty.
		assertThat(noSecret.getStatus()).isEqualTo(302);
		var notAnAddress = mvc.perform(post("/delivery/channels").with(SignedIn.as(admin)).with(Csrf.csrf())
			.param("webhookUrl", "ftp://example.test/hook")).andReturn().getResponse();
		assertThat(notAnAddress.getStatus()).isEqualTo(400);
		assertThat(notAnAddress.getContentAsString()).contains("role=\"alert\"", "absolute http or https address");
		var slackWithoutSecrets = mvc.perform(post("/delivery/channels").with(SignedIn.as(admin)).with(Csrf.csrf())
			.param("slackEnabled", "true")).andReturn().getResponse();
		assertThat(slackWithoutSecrets.getStatus()).isEqualTo(400);
		assertThat(slackWithoutSecrets.getContentAsString()).contains("bot token and its signing secret");
		var settings = channels.settings(admin.organisationId());
		assertThat(settings.webhookUrl()).isEqualTo("https://example.test/hook");
		assertThat(settings.webhookSecretSet()).isTrue();
		assertThat(mvc.perform(get("/delivery/channels").with(SignedIn.as(admin))).andReturn().getResponse()
			.getContentAsString()).doesNotContain(SECRET);
	}

	private void sendOne() throws Exception {
		org.trigger(rules, triggers, org.lesson(lessons, json, "Failing channel " + UUID.randomUUID()));
		await(() -> {
			dispatcher.sendDue();
			return !hook.requests().isEmpty();
		});
	}

	private void awaitAttempts(int attempts) {
		await(() -> {
			var message = message();
			return ((Number) message.get("attempts")).intValue() == attempts && message.get("claimed_until") == null;
		});
	}

	private void dueNow() {
		jdbc.sql("UPDATE delivery_channel_messages SET next_attempt_at = :now WHERE user_id = :user")
			.param("now", java.sql.Timestamp.from(Instant.now())).param("user", org.learner().userId().value()).update();
	}

	private Map<String, Object> message() {
		return jdbc.sql("""
				SELECT id, status, attempts, last_error, next_attempt_at, claimed_until
				FROM delivery_channel_messages
				WHERE user_id = :user
				""").param("user", org.learner().userId().value()).query().singleRow();
	}

	/** About how many seconds from now the message is tried again. */
	private static long waitOf(Map<String, Object> message) {
		// PostgreSQL's driver reads a timestamptz as a Timestamp, H2's as an OffsetDateTime.
		var at = message.get("next_attempt_at") instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
				: ((java.time.OffsetDateTime) message.get("next_attempt_at")).toInstant();
		return Duration.between(Instant.now(), at).truncatedTo(ChronoUnit.SECONDS).toSeconds();
	}

	private static String hmac(String secret, String text) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}
}
