package io.morsel.delivery;

import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.catalog.Response;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.learning.NextUp;
import io.morsel.reinforcement.DailyReview;
import io.morsel.reinforcement.ReviewOutcome;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review questions answered from inside a channel, recorded through reinforcement's {@link DailyReview} exactly as the
 * review player records them (the same rating, schedule and replay rule): a button in Slack, which Slack posts to
 * us signed with the organisation's signing secret, after which the message is replaced by the feedback; or an
 * option's signed link in a Teams card.
 */
@Service
public class ChannelAnswers {

	/** What a learner answered and how it was judged, for the page a Teams answer link shows. */
	public record Answered(Question question, String picked, ReviewOutcome outcome) {
	}

	private final Channels channels;
	private final ChannelMessages messages;
	private final ChannelPayloads payloads;
	private final AnswerLinks links;
	private final Sends sends;
	private final DailyReview review;
	private final Directory directory;
	private final JsonMapper json;
	private final Clock clock;

	ChannelAnswers(Channels channels, ChannelMessages messages, ChannelPayloads payloads, AnswerLinks links, Sends sends,
			DailyReview review, Directory directory, JsonMapper json, Clock clock) {
		this.channels = channels;
		this.messages = messages;
		this.payloads = payloads;
		this.links = links;
		this.sends = sends;
		this.review = review;
		this.directory = directory;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Handles one Slack interactivity request of the organisation's app: a click on an answer button records the
	 * answer and queues the message's replacement by the feedback; any other interaction is acknowledged and ignored.
	 *
	 * @param body the request's body exactly as it came, which the signature covers
	 * @throws ForgedRequestException when the signature does not hold or the timestamp is over five minutes off
	 * @throws NotFoundException when the organisation has no Slack, or the send or card is not the clicking member's
	 */
	public Optional<ReviewOutcome> slack(OrganisationId organisation, byte[] body, String timestamp, String signature) {
		var secret = channels.secrets(organisation).slackSigningSecret();
		if (secret == null || !channels.settings(organisation).slackEnabled()) {
			throw new NotFoundException("not-found.slack-app");
		}
		if (!Signatures.slackHolds(secret, timestamp, signature, body, clock.instant())) {
			throw new ForgedRequestException("delivery.refused.request-s-slack-signature-does-not");
		}
		var payload = payload(body);
		var action = payload.path("actions").path(0);
		if (!"block_actions".equals(payload.path("type").asString("")) || !action.path("action_id").asString("")
			.startsWith("answer-")) {
			return Optional.empty(); // The "open" button and anything else: Slack only wants to hear back.
		}
		var value = action.path("value").asString("").split("/", 4);
		if (value.length != 4) {
			throw new InvalidRequestException("delivery.refused.button-s-value-not-morsel-s");
		}
		var sendId = uuid(value[0]);
		var send = sends.find(organisation, sendId).orElseThrow(() -> new NotFoundException("not-found.review-card"));
		var learner = new Learner(organisation, new UserId(send.user()));
		var slackUser = channels.learner(organisation, learner.userId()).slackUser();
		if (slackUser == null || !slackUser.equals(payload.path("user").path("id").asString(""))) {
			throw new NotFoundException("not-found.review-card"); // Someone else's message, forwarded: not theirs to answer.
		}
		var optionId = value[3];
		var outcome = review.answer(learner, uuid(value[1]), uuid(value[2]),
				question -> new Response.Choice(Set.of(optionId)), null);
		var responseUrl = payload.path("response_url").asString("");
		if (responseUrl.startsWith("https://") || responseUrl.startsWith("http://")) {
			var question = outcome.item().question();
			messages.planSlackReply(learner, sendId, URI.create(responseUrl).toString(),
					payloads.slackAnswered(NextUp.Kind.valueOf(send.kind()), send.path(), question,
							picked(question, optionId), outcome.score(), locale(organisation, learner.userId())),
					clock.instant());
		}
		return Optional.of(outcome);
	}

	/**
	 * The question an answer link of a Teams card names, without answering it (a link checker that follows it changes
	 * nothing).
	 *
	 * @throws NotFoundException when the link is not one of Morsel's or its card is gone
	 */
	public Question question(String token) {
		var answer = links.verify(token).orElseThrow(() -> new NotFoundException("not-found.answer-link"));
		return review.show(new Learner(answer.organisationId(), answer.learner()), answer.cardId()).question();
	}

	/** The option an answer link names, as its learner sees it. */
	public String picked(String token) {
		var answer = links.verify(token).orElseThrow(() -> new NotFoundException("not-found.answer-link"));
		return picked(question(token), answer.optionId());
	}

	/**
	 * Answers as the link says; the same link used again shows the stored answer and changes nothing.
	 *
	 * @throws NotFoundException when the link is not one of Morsel's
	 */
	public Answered answer(String token) {
		var answer = links.verify(token).orElseThrow(() -> new NotFoundException("not-found.answer-link"));
		var outcome = review.answer(new Learner(answer.organisationId(), answer.learner()), answer.cardId(),
				answer.reviewItemId(), question -> new Response.Choice(Set.of(answer.optionId())), null);
		var question = outcome.item().question();
		return new Answered(question, picked(question, answer.optionId()), outcome);
	}

	private JsonNode payload(byte[] body) {
		for (var pair : new String(body, StandardCharsets.UTF_8).split("&")) {
			var equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals("payload")) {
				try {
					return json.readTree(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
				catch (RuntimeException malformed) {
					throw new InvalidRequestException("delivery.refused.payload-not-json");
				}
			}
		}
		throw new InvalidRequestException("delivery.refused.slack-interaction-carries-payload-form-field");
	}

	private Locale locale(OrganisationId organisation, UserId learner) {
		return directory.recipient(organisation, learner).map(r -> r.locale()).orElse(Locale.ENGLISH);
	}

	private static String picked(Question question, String optionId) {
		return question.options().stream().filter(o -> o.id().equals(optionId)).map(o -> o.text()).findFirst()
			.orElse(optionId);
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidRequestException("delivery.refused.button-s-value-not-morsel-s");
		}
	}
}
