package io.morsel.delivery;

import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Recipient;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.learning.NextUp;
import io.morsel.learning.NextUps;
import io.morsel.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one learner what is due for them, in one transaction that holds their row of {@code delivery_learners}
 * ({@code FOR UPDATE SKIP LOCKED}): a node that finds it locked leaves the learner to the node holding it, so each
 * learner's deliveries are decided by one node at a time, every planned delivery is sent once, and the cadence's
 * limits hold across nodes. What goes out is the single most valuable item of learning's {@link NextUp} rule; the
 * other deliveries due wait for the next time the cadence allows (docs/delivery.md, "Sending").
 */
@Component
class Dispatch {

	private static final Duration LIMITS_LOOK_BACK = Duration.ofDays(8);

	private final JdbcClient jdbc;
	private final Cadences cadences;
	private final Sends sends;
	private final NextUps nextUps;
	private final Directory directory;
	private final ChannelMessages channelMessages;
	private final Series series;
	private final ApplicationEventPublisher events;

	Dispatch(JdbcClient jdbc, Cadences cadences, Sends sends, NextUps nextUps, Directory directory,
			ChannelMessages channelMessages, Series series, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cadences = cadences;
		this.sends = sends;
		this.nextUps = nextUps;
		this.directory = directory;
		this.channelMessages = channelMessages;
		this.series = series;
		this.events = events;
	}

	/** The learners with deliveries due, at most this many. */
	@Transactional(readOnly = true)
	public List<Learner> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT DISTINCT organisation_id, user_id
				FROM deliveries
				WHERE status = 'PLANNED'
				  AND send_at <= :now
				LIMIT :limit
				""")
			.param("now", Timestamps.of(now))
			.param("limit", limit)
			.query((rs, n) -> new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))))
			.list();
	}

	/**
	 * Claims up to {@code limit} learners with deliveries due whom no other node holds, and sends each what is due, all
	 * in one transaction that holds their rows: one commit for the batch, what each learner's send needs read with one
	 * query per organisation, and nodes that claim at once take different learners. Returns the learners claimed; if
	 * anything fails, nothing of the batch happened ({@link Dispatcher} then sends them one by one).
	 */
	@Transactional
	public List<Learner> sendBatch(Instant now, int limit, String node) {
		var claimed = jdbc.sql("""
				SELECT organisation_id, user_id, paused, snoozed_until, in_app, email
				FROM delivery_learners
				WHERE (organisation_id, user_id) IN (
				    SELECT organisation_id, user_id
				    FROM deliveries
				    WHERE status = 'PLANNED'
				      AND send_at <= :now
				    LIMIT :scan)
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""")
			.param("now", Timestamps.of(now))
			// Room to pass over the learners other nodes hold at the head of the due deliveries.
			.param("scan", limit * 4)
			.param("limit", limit)
			.query((rs, n) -> Map.entry(new Learner(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					new UserId(rs.getObject("user_id", UUID.class))), new Cadences.Choices(rs.getBoolean("paused"),
							Timestamps.read(rs, "snoozed_until"), rs.getBoolean("in_app"), rs.getBoolean("email"))))
			.list();
		var byOrganisation = claimed.stream().collect(Collectors.groupingBy(entry -> entry.getKey().organisationId(),
				LinkedHashMap::new, Collectors.toList()));
		byOrganisation.forEach((organisation, learners) -> {
			var users = learners.stream().map(entry -> entry.getKey().userId()).toList();
			var recipients = directory.recipients(organisation, users);
			var policies = cadences.policies(organisation, users);
			var dueRows = dueRows(organisation, users, now);
			var sent = sends.sentSince(organisation, users, now.minus(LIMITS_LOOK_BACK));
			for (var entry : learners) {
				var user = entry.getKey().userId();
				sendHeld(entry.getKey(), now, node, new Held(dueRows.getOrDefault(user, List.of()),
						Optional.ofNullable(recipients.get(user)), policies.get(user), entry.getValue(),
						sent.getOrDefault(user, List.of())));
			}
		});
		return claimed.stream().map(Map.Entry::getKey).toList();
	}

	/** Sends the learner's due deliveries, unless another node holds the learner. */
	@Transactional
	public void send(Learner learner, Instant now, String node) {
		var held = jdbc.sql("""
				SELECT user_id
				FROM delivery_learners
				WHERE organisation_id = :organisation
				  AND user_id = :user
				FOR UPDATE SKIP LOCKED
				""").param("organisation", learner.organisationId().value()).param("user", learner.userId().value())
			.query(UUID.class).optional();
		if (held.isEmpty()) {
			return;
		}
		var organisation = learner.organisationId();
		var user = List.of(learner.userId());
		sendHeld(learner, now, node, new Held(dueRows(organisation, user, now).getOrDefault(learner.userId(), List.of()),
				directory.recipient(organisation, learner.userId()),
				cadences.policies(organisation, user).get(learner.userId()), cadences.choices(organisation,
						learner.userId()),
				sends.sentSince(organisation, learner.userId(), now.minus(LIMITS_LOOK_BACK))));
	}

	/** What a learner's send needs to know, read for them alone or for their whole batch. */
	private record Held(List<Map.Entry<UUID, String>> dueRows, Optional<Recipient> recipient, CadencePolicy policy,
			Cadences.Choices choices, List<Instant> sent) {
	}

	/** The planned deliveries due now of these learners, each as its id and reason, by learner. */
	private Map<UserId, List<Map.Entry<UUID, String>>> dueRows(OrganisationId organisation, List<UserId> users,
			Instant now) {
		var rows = new HashMap<UserId, List<Map.Entry<UUID, String>>>();
		jdbc.sql("""
				SELECT user_id, id, reason
				FROM deliveries
				WHERE organisation_id = :organisation
				  AND user_id IN (:users)
				  AND status = 'PLANNED'
				  AND send_at <= :now
				""")
			.param("organisation", organisation.value())
			.param("users", users.stream().map(UserId::value).toList())
			.param("now", Timestamps.of(now))
			.query((rs, n) -> rows.computeIfAbsent(new UserId(rs.getObject("user_id", UUID.class)), u -> new ArrayList<>())
				.add(Map.entry(rs.getObject("id", UUID.class), rs.getString("reason"))))
			.list();
		return rows;
	}

	/** Sends the learner's due deliveries; the caller's transaction holds their row. */
	private void sendHeld(Learner learner, Instant now, String node, Held held) {
		var user = learner.userId().value();
		var dueRows = held.dueRows();
		var due = dueRows.stream().map(Map.Entry::getKey).toList();
		// A series' day is used by whatever nudge goes out now (docs/delivery.md, "Series").
		var seriesDays = dueRows.stream().filter(row -> row.getValue().equals("SERIES")).map(Map.Entry::getKey)
			.toList();
		// A floor nudge is any nudge: the one going out now is it.
		var floor = dueRows.stream().filter(row -> row.getValue().equals("FLOOR")).map(Map.Entry::getKey)
			.toList();
		if (due.isEmpty()) {
			return; // Another node sent them between the look and the lock.
		}
		var recipient = held.recipient();
		if (recipient.isEmpty()) {
			setStatus(due, "CANCELLED"); // Deactivated or gone: nothing is sent to them.
			return;
		}
		var zone = recipient.get().zone();
		var choices = held.choices();
		var cadence = new Cadence(held.policy(), zone, choices.paused(), choices.snoozedUntil());
		var sent = new ArrayList<>(held.sent());
		if (!cadence.allowsNow(now, sent)) {
			// Paused learners are looked at again in a day; nothing piles up meanwhile, the deliveries just wait.
			postpone(due, cadence.nextSend(now, sent).orElse(now.plus(Duration.ofDays(1))));
			return;
		}
		var item = nextUps.of(learner, zone, now);
		if (item.isEmpty()) {
			setStatus(due, "SKIPPED");
			return;
		}
		var next = item.get();
		var sendId = sends.record(learner.organisationId(), learner.userId(), next, choices, now, node);
		channelMessages.plan(learner, zone, recipient.get().locale(), sendId, next, now);
		var brought = next.kind() == NextUp.Kind.TRIGGERED ? next.reference() : null;
		if (brought != null) {
			jdbc.sql("""
					UPDATE deliveries
					SET status = 'SENT', send_id = :send
					WHERE id = :id
					  AND user_id = :user
					  AND status = 'PLANNED'
					""").param("send", sendId).param("id", brought).param("user", user).update();
		}
		series.sent(learner, seriesDays, sendId, zone, now);
		if (!floor.isEmpty()) {
			jdbc.sql("UPDATE deliveries SET status = 'SENT', send_id = :send WHERE id IN (:ids) AND status = 'PLANNED'")
				.param("send", sendId).param("ids", floor).update();
		}
		sent.add(now);
		var waiting = due.stream().filter(id -> !id.equals(brought) && !seriesDays.contains(id) && !floor.contains(id))
			.toList();
		postpone(waiting, cadence.nextSend(now.plusSeconds(1), sent).orElse(now.plus(Duration.ofDays(1))));
		events.publishEvent(new DeliverySent(learner.organisationId(), learner.userId(), sendId, next.kind().name(),
				choices.email()));
	}

	private void postpone(List<UUID> deliveries, Instant until) {
		if (deliveries.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE deliveries SET send_at = :until WHERE id IN (:ids) AND status = 'PLANNED'")
			.param("until", Timestamps.of(until))
			.param("ids", deliveries)
			.update();
	}

	private void setStatus(List<UUID> deliveries, String status) {
		jdbc.sql("UPDATE deliveries SET status = :status WHERE id IN (:ids) AND status = 'PLANNED'")
			.param("status", status)
			.param("ids", deliveries)
			.update();
	}
}
