package io.morsel.delivery;

import io.morsel.catalog.InteractionType;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.learning.NextUp;
import io.morsel.reinforcement.DailyReview;
import io.morsel.reinforcement.ReviewItem;
import io.morsel.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages to Slack, Teams and webhooks (docs/delivery.md, "Channels"). A send writes its messages in
 * the transaction that records it; any node then takes the ones due by moving their lease ahead ({@code FOR UPDATE
 * SKIP LOCKED}, so no two nodes take one), posts them outside any transaction and records how it went. A node that
 * dies while posting leaves the lease to run out, and another node posts the message again: a receiver may see a
 * message twice, never lose one (the webhook's {@code id} lets it tell).
 */
@Component
class ChannelMessages {

	/** A message taken to be posted, its attempt counted. */
	record Taken(UUID id, OrganisationId organisationId, UserId learner, UUID sendId, String channel,
			@Nullable String target, String payload, int attempt) {
	}

	private final JdbcClient jdbc;
	private final Channels channels;
	private final ChannelPayloads payloads;
	private final DailyReview review;

	ChannelMessages(JdbcClient jdbc, Channels channels, ChannelPayloads payloads, DailyReview review) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.payloads = payloads;
		this.review = review;
	}

	/**
	 * Writes the messages of a send to the channels the organisation set up and the learner chose. A review brings
	 * its first question along when it is single-choice, so that it can be answered from Slack or Teams.
	 */
	void plan(Learner learner, ZoneId zone, Locale locale, UUID sendId, NextUp item, Instant now) {
		var organisation = learner.organisationId();
		var settings = channels.settings(organisation);
		if (!settings.slackReady() && !settings.teamsEnabled() && !settings.webhookReady()) {
			return;
		}
		var chosen = channels.learner(organisation, learner.userId());
		var slack = settings.slackReady() && chosen.slack() && chosen.slackUser() != null;
		var teams = settings.teamsEnabled() && chosen.teams() && chosen.teamsUrl() != null;
		var question = (slack || teams) && item.kind() == NextUp.Kind.REVIEW ? singleChoice(learner, zone) : null;
		if (slack) {
			insert(learner, sendId, "SLACK", null,
					payloads.slack(chosen.slackUser(), sendId, item, question, locale), now);
		}
		if (teams) {
			insert(learner, sendId, "TEAMS", chosen.teamsUrl(),
					payloads.teams(organisation, learner.userId(), item, question, locale), now);
		}
		if (settings.webhookReady()) {
			var id = UUID.randomUUID();
			insert(id, learner, sendId, "WEBHOOK", null,
					payloads.webhook(id, organisation, learner.userId(), sendId, item, now), now);
		}
	}

	/** Writes the message that replaces an answered Slack message, once per send. */
	void planSlackReply(Learner learner, UUID sendId, String responseUrl, String payload, Instant now) {
		insert(learner, sendId, "SLACK_REPLY", responseUrl, payload, now);
	}

	/** Takes up to this many messages due now for this long, counting an attempt on each. */
	@Transactional
	public List<Taken> take(Instant now, Duration lease, int limit) {
		var ids = jdbc.sql("""
				SELECT id
				FROM delivery_channel_messages
				WHERE status = 'PENDING'
				  AND next_attempt_at <= :now
				  AND (claimed_until IS NULL OR claimed_until < :now)
				ORDER BY next_attempt_at
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""").param("now", Timestamps.of(now)).param("limit", limit).query(UUID.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				UPDATE delivery_channel_messages
				SET claimed_until = :until, attempts = attempts + 1
				WHERE id IN (:ids)
				""").param("until", Timestamps.of(now.plus(lease))).param("ids", ids).update();
		return jdbc.sql("""
				SELECT id, organisation_id, user_id, send_id, channel, target, payload, attempts
				FROM delivery_channel_messages
				WHERE id IN (:ids)
				""")
			.param("ids", ids)
			.query((rs, n) -> new Taken(rs.getObject("id", UUID.class),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					new UserId(rs.getObject("user_id", UUID.class)), rs.getObject("send_id", UUID.class),
					rs.getString("channel"), rs.getString("target"), rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	void delivered(UUID id, Instant at) {
		jdbc.sql("""
				UPDATE delivery_channel_messages
				SET status = 'DELIVERED', delivered_at = :at, claimed_until = NULL, last_error = NULL
				WHERE id = :id
				""").param("at", Timestamps.of(at)).param("id", id).update();
	}

	void retryAt(UUID id, Instant at, String error) {
		jdbc.sql("""
				UPDATE delivery_channel_messages
				SET next_attempt_at = :at, claimed_until = NULL, last_error = :error
				WHERE id = :id
				""").param("at", Timestamps.of(at)).param("error", clip(error)).param("id", id).update();
	}

	void dead(UUID id, String error) {
		jdbc.sql("""
				UPDATE delivery_channel_messages
				SET status = 'DEAD', claimed_until = NULL, last_error = :error
				WHERE id = :id
				""").param("error", clip(error)).param("id", id).update();
	}

	private @Nullable ReviewItem singleChoice(Learner learner, ZoneId zone) {
		return review.next(learner, zone)
			.filter(item -> item.question().type() == InteractionType.SINGLE_CHOICE)
			.orElse(null);
	}

	private void insert(Learner learner, UUID sendId, String channel, @Nullable String target, String payload,
			Instant now) {
		insert(UUID.randomUUID(), learner, sendId, channel, target, payload, now);
	}

	private void insert(UUID id, Learner learner, UUID sendId, String channel, @Nullable String target, String payload,
			Instant now) {
		jdbc.sql("""
				INSERT INTO delivery_channel_messages (id, organisation_id, user_id, send_id, channel, target, payload,
				                                       status, next_attempt_at, created_at)
				VALUES (:id, :organisation, :user, :send, :channel, :target, :payload, 'PENDING', :now, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", id)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("send", sendId)
			.param("channel", channel)
			.param("target", target)
			.param("payload", payload)
			.param("now", Timestamps.of(now))
			.update();
	}

	private static String clip(String error) {
		return error.length() > 500 ? error.substring(0, 497) + "..." : error;
	}
}
