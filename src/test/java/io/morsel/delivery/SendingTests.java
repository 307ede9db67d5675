package io.morsel.delivery;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Csrf;
import io.morsel.support.People;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries go out: one item per nudge, never a pile; in the notification centre with its unread count and by email
 * with one-click unsubscribe; every send in the learner's and the administrators' send log.
 */
@MorselIntegrationTest
class SendingTests {

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
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	CurrentMember manager;
	String type;

	@BeforeEach
	void setUp() {
		manager = directory.member("manager@acme.test", "acme").orElseThrow();
		type = "product.released-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aTriggeredLessonReachesTheNotificationCentreAndTheMailboxOnce() throws Exception {
		var learner = learner("Nora Notified");
		var lesson = rule("What is new in release 4.2");

		var trigger = triggers.receive(manager, type, learner.email(), null, Attributes.NONE, "release-" + type);
		sendUntil(() -> count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner) == 1);

		assertThat(triggers.find(manager, trigger.id()).deliveries()).singleElement()
			.satisfies(d -> assertThat(d.status()).isEqualTo("SENT"));
		var centre = page(learner, "/notifications");
		assertThat(centre).contains("What is new in release 4.2", "1 unread notification", "Just in time for you");
		assertThat(page(learner, "/notifications/count")).contains("1 unread notification");
		var mails = mailsTo(learner.email(), 0);
		assertThat(mails).hasSize(1);
		var mail = mails.getFirst();
		assertThat(mail.getSubject()).isEqualTo("Just in time: What is new in release 4.2");
		var parts = (Multipart) mail.getContent();
		var text = new StringBuilder();
		for (int i = 0; i < parts.getCount(); i++) {
			text.append(parts.getBodyPart(i).getContentType()).append('\n').append(bodyOf(parts.getBodyPart(i).getContent()));
		}
		assertThat(text).contains("text/plain", "text/html", "/lessons/" + lesson.value());
		assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<https?://[^>]+/api/v1/unsubscribe/[A-Za-z0-9_.-]+>");

		// Opening the notification marks it read and goes to the lesson.
		var sendId = jdbc.sql("SELECT id FROM delivery_sends WHERE user_id = :user").param("user", learner.userId().value())
			.query(UUID.class).single();
		var opened = mvc.perform(post("/notifications/" + sendId + "/open").with(SignedIn.as(learner)).with(Csrf.csrf()))
			.andReturn().getResponse();
		assertThat(opened.getRedirectedUrl()).isEqualTo("/lessons/" + lesson.value());
		assertThat(page(learner, "/notifications/count")).contains("No unread notifications");
		// Someone else cannot open it.
		var other = learner("Otto Other");
		assertThat(mvc.perform(post("/notifications/" + sendId + "/open").with(SignedIn.as(other)).with(Csrf.csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void oneClickUnsubscribeTurnsEmailOffWithoutSignInAndForgedLinksDoNothing() throws Exception {
		var learner = learner("Uma Unsubscribe");
		rule("Pricing changes in 4.2");
		triggers.receive(manager, type, learner.email(), null, Attributes.NONE, "u-" + type);
		sendUntil(() -> count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner) == 1);
		var header = mailsTo(learner.email(), 0).getFirst().getHeader("List-Unsubscribe")[0];
		var url = header.substring(1, header.length() - 1);
		var path = URI.create(url).getPath();
		var token = path.substring(path.lastIndexOf('/') + 1);
		var forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

		assertThat(oneClick(path.replace(token, forged))).isEqualTo(404);
		assertThat(cadences.choices(learner.organisationId(), learner.userId()).email()).isTrue();
		// The page in the mail's footer asks first; a GET changes nothing.
		assertThat(mvc.perform(get("/unsubscribe/" + token)).andReturn().getResponse().getContentAsString())
			.contains("Unsubscribe from email nudges");
		assertThat(cadences.choices(learner.organisationId(), learner.userId()).email()).isTrue();

		assertThat(oneClick(path)).isEqualTo(204);

		assertThat(cadences.choices(learner.organisationId(), learner.userId()).email()).isFalse();
		assertThat(oneClick(path)).isEqualTo(204);
		// The next nudge reaches the notification centre only.
		triggers.receive(manager, type, learner.email(), null, Attributes.NONE, "u2-" + type);
		jdbc.sql("UPDATE deliveries SET send_at = :now WHERE user_id = :user AND status = 'PLANNED'")
			.param("now", java.sql.Timestamp.from(Instant.now())).param("user", learner.userId().value()).update();
		jdbc.sql("UPDATE delivery_sends SET sent_at = :yesterday WHERE user_id = :user")
			.param("yesterday", java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)))
			.param("user", learner.userId().value()).update();
		sendUntil(() -> count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner) == 2);
		Thread.sleep(500);
		assertThat(mailsTo(learner.email(), 0)).hasSize(1);
	}

	@Test
	void manyDeliveriesDueAtOnceBringOneItemAndTheRestWaitForTheCadence() throws Exception {
		var learner = learner("Pat Pileup");
		Deliveries.openAllDay(cadences, learner, 1);
		var lessonsDue = new ArrayList<LessonId>();
		for (var title : List.of("First release note", "Second release note", "Third release note")) {
			lessonsDue.add(Deliveries.lesson(lessons, directory, json, "acme", title));
		}
		// Three triggers, each of its own type, all due now.
		for (int i = 0; i < 3; i++) {
			var ownType = type + "-" + i;
			rules.add(manager, new TriggerType(ownType), "Release " + i, Map.of(), lessonsDue.get(i), null,
					RuleTiming.AT_THE_EVENT);
			triggers.receive(manager, ownType, learner.email(), Instant.now().minusSeconds(60 - i).toString(),
					Attributes.NONE, "pile-" + ownType);
		}

		sendUntil(() -> count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner) >= 1);
		// The node's own dispatcher runs too (every second): still one, whoever sent it.
		Thread.sleep(1_500);
		dispatcher.sendDue();

		assertThat(count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT title FROM delivery_sends WHERE user_id = :user")
			.param("user", learner.userId().value()).query(String.class).single()).isEqualTo("First release note");
		var waiting = jdbc.sql("SELECT send_at FROM deliveries WHERE user_id = :user AND status = 'PLANNED'")
			.param("user", learner.userId().value()).query(java.sql.Timestamp.class).list();
		assertThat(waiting).hasSize(2).allSatisfy(at -> assertThat(at.toInstant()).isAfter(Instant.now()));
		assertThat(page(learner, "/notifications")).contains("1 unread notification")
			.doesNotContain("Second release note</p>");
		// Today's Next up is the next triggered lesson: the rule Today and deliveries share.
		assertThat(page(learner, "/today")).contains("Second release note");
	}

	@Test
	void aPausedLearnerGetsNothingAndTheDeliveryWaits() throws Exception {
		var learner = learner("Paula Paused");
		rule("Release notes for the paused");
		cadences.choose(learner.organisationId(), learner.userId(), new Cadences.Choices(true, null, true, true));
		triggers.receive(manager, type, learner.email(), null, Attributes.NONE, "paused-" + type);

		dispatcher.sendDue();

		assertThat(count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner)).isZero();
		assertThat(count("SELECT COUNT(*) FROM deliveries WHERE user_id = :user AND status = 'PLANNED'", learner))
			.isEqualTo(1);
	}

	@Test
	void administratorsSeeTheirOrganisationsSendLogAndManagersTheRulesPage() throws Exception {
		var learner = learner("Logan Logged");
		rule("Logged release note");
		triggers.receive(manager, type, learner.email(), null, Attributes.NONE, "log-" + type);
		sendUntil(() -> count("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user", learner) == 1);

		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var globexAdmin = directory.member("admin@globex.test", "globex").orElseThrow();
		assertThat(page(admin, "/delivery/log")).contains("Logan Logged", "Logged release note");
		assertThat(page(globexAdmin, "/delivery/log")).doesNotContain("Logan Logged");
		assertThat(page(learner, "/notifications")).contains("Everything sent to you", "Logged release note");
		assertThat(mvc.perform(get("/delivery/log").with(SignedIn.as(manager))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(page(manager, "/delivery/rules")).contains(type, "at the event", "Logged release note")
			.contains("<label for=\"type\"");
		var refused = mvc.perform(post("/delivery/rules").with(SignedIn.as(manager)).with(Csrf.csrf())
			.param("type", "Not A Type").param("name", "x").param("target", "").param("when", "day")
			.param("dayOffset", "-1").param("at", "18:00")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("role=\"alert\"", "lower-case letters");
	}

	/**
	 * Sends what is due until the condition holds: the node's own dispatcher may hold a learner at that moment, and
	 * this call then leaves them to it.
	 */
	private void sendUntil(java.util.function.BooleanSupplier done) {
		await(() -> {
			dispatcher.sendDue();
			return done.getAsBoolean();
		});
	}

	private CurrentMember learner(String name) {
		var learner = People.learner(jdbc, directory, "acme", "Europe/Berlin", name);
		Deliveries.openAllDay(cadences, learner, 3);
		return learner;
	}

	private LessonId rule(String title) throws Exception {
		var lesson = Deliveries.lesson(lessons, directory, json, "acme", title);
		rules.add(manager, new TriggerType(type), title, Map.of(), lesson, null,
				new RuleTiming(0, 0, null));
		return lesson;
	}

	private String page(CurrentMember member, String path) throws Exception {
		var response = mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private long count(String sql, CurrentMember learner) {
		return jdbc.sql(sql).param("user", learner.userId().value()).query(Long.class).single();
	}

	private int oneClick(String path) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The mails to this address, once there are more than {@code moreThan} (the listener sends after the commit). */
	static List<MimeMessage> mailsTo(String address, int moreThan) {
		var deadline = System.nanoTime() + 20_000_000_000L;
		while (true) {
			var mails = Arrays.stream(TestInfrastructure.mail().getReceivedMessages()).filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
				}
				catch (jakarta.mail.MessagingException e) {
					throw new IllegalStateException(e);
				}
			}).toList();
			if (mails.size() > moreThan || System.nanoTime() > deadline) {
				return mails;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return mails;
			}
		}
	}

	private static String bodyOf(Object content) throws Exception {
		if (content instanceof Multipart multipart) {
			var text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(multipart.getBodyPart(i).getContentType()).append('\n')
					.append(bodyOf(multipart.getBodyPart(i).getContent()));
			}
			return text.toString();
		}
		return String.valueOf(content);
	}
}
