package io.morsel.delivery;

import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Recipient;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just-in-time triggers (docs/delivery.md, "Triggers"): a trigger for one learner is matched against the
 * organisation's rules for its type at once, and each rule that matches plans one delivery, at the time the rule
 * gives relative to the event, moved to the first time the learner's cadence allows.
 */
@Service
public class Triggers {

	private final JdbcClient jdbc;
	private final TriggerRules rules;
	private final Cadences cadences;
	private final Sends sends;
	private final Directory directory;
	private final Lessons lessons;
	private final Programs programs;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;
	private final TriggeredOrganisations triggered;

	Triggers(JdbcClient jdbc, TriggerRules rules, Cadences cadences, Sends sends, Directory directory, Lessons lessons,
			Programs programs, TransactionTemplate transaction, ApplicationEventPublisher events, JsonMapper json,
			Clock clock, TriggeredOrganisations triggered) {
		this.triggered = triggered;
		this.jdbc = jdbc;
		this.rules = rules;
		this.cadences = cadences;
		this.sends = sends;
		this.directory = directory;
		this.lessons = lessons;
		this.programs = programs;
		this.transaction = transaction;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Receives a trigger once per idempotency key: a key already received answers the trigger it made, and nothing
	 * happens again. An unknown member (or one of another organisation) and a type no rule names are not found.
	 *
	 * @param user the learner's email, user id or member id
	 * @param at the event's time, ISO-8601 with an offset; now when {@code null}
	 */
	public TriggerView receive(CurrentMember caller, String type, String user, @Nullable String at,
			Attributes attributes, String idempotencyKey) {
		var organisation = caller.organisationId();
		var key = idempotencyKey == null ? "" : idempotencyKey.strip();
		if (key.isEmpty() || key.length() > 200) {
			throw new InvalidValueException("delivery.refused.idempotencykey-must-1-200-characters");
		}
		var triggerType = new TriggerType(type);
		var eventAt = at == null ? clock.instant() : parseTime(at);
		var existing = byKey(organisation, key);
		if (existing.isPresent()) {
			return existing.get();
		}
		var recipient = directory.recipient(organisation, user == null ? "" : user.strip())
			.orElseThrow(() -> new NotFoundException("not-found.user"));
		var matching = rules.of(organisation, triggerType);
		if (matching.isEmpty()) {
			throw new NotFoundException("delivery.refused.trigger-type-not-found", triggerType);
		}
		// Before its deliveries exist, so that no Today of this node looks past them (rolled back, it costs a query).
		triggered.received(organisation);
		try {
			var id = transaction.execute(status -> plan(organisation, key, triggerType, recipient, eventAt, attributes,
					matching));
			return find(organisation, id).orElseThrow();
		}
		catch (DuplicateKeyException sameKeyAtTheSameTime) {
			return byKey(organisation, key).orElseThrow(() -> sameKeyAtTheSameTime);
		}
	}

	/** The trigger of the caller's organisation with this id, and what it caused. */
	public TriggerView find(CurrentMember caller, UUID id) {
		return find(caller.organisationId(), id).orElseThrow(() -> new NotFoundException("not-found.trigger"));
	}

	private UUID plan(OrganisationId organisation, String key, TriggerType type, Recipient recipient, Instant eventAt,
			Attributes attributes, List<TriggerRule> candidates) {
		var now = clock.instant();
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO triggers (id, organisation_id, idempotency_key, trigger_type, user_id, event_at,
				                      attributes, received_at)
				VALUES (:id, :organisation, :key, :type, :user, :at, :attributes, :now)
				""")
			.param("id", id)
			.param("organisation", organisation.value())
			.param("key", key)
			.param("type", type.value())
			.param("user", recipient.userId().value())
			.param("at", Timestamps.of(eventAt))
			.param("attributes", json.writeValueAsString(attributes.values()))
			.param("now", Timestamps.of(now))
			.update();
		var sent = sends.sentSince(organisation, recipient.userId(), now.minus(java.time.Duration.ofDays(8)));
		var planned = 0;
		for (var rule : candidates) {
			if (!attributes.satisfy(rule.conditions())) {
				continue;
			}
			var item = item(organisation, rule);
			if (item == null) {
				continue; // Its lesson was unpublished or its program removed since the rule was written.
			}
			var available = rule.timing().availableAt(eventAt, recipient.zone());
			var late = rule.timing().beforeEvent() && eventAt.isBefore(now);
			var from = available.isAfter(now) ? available : now;
			var sendAt = cadences.of(organisation, recipient.userId(), recipient.zone(), rule.program())
				.nextSend(from, sent)
				.orElse(from);
			jdbc.sql("""
					INSERT INTO deliveries (id, organisation_id, user_id, reason, trigger_id, rule_id, lesson_id,
					                        program_id, title, minutes, available_at, send_at, status)
					VALUES (:id, :organisation, :user, 'TRIGGERED', :trigger, :rule, :lesson, :program, :title,
					        :minutes, :available, :sendAt, :status)
					""")
				.param("id", UUID.randomUUID())
				.param("organisation", organisation.value())
				.param("user", recipient.userId().value())
				.param("trigger", id)
				.param("rule", rule.id())
				.param("lesson", rule.lesson() == null ? null : rule.lesson().value())
				.param("program", rule.program() == null ? null : rule.program().value())
				.param("title", item.title())
				.param("minutes", item.minutes())
				.param("available", Timestamps.of(available))
				.param("sendAt", Timestamps.of(sendAt))
				.param("status", late ? "LATE" : "PLANNED")
				.update();
			planned++;
		}
		if (planned > 0) {
			cadences.known(organisation, recipient.userId());
		}
		events.publishEvent(new TriggerReceived(organisation, id, type.value(), recipient.userId(), eventAt, planned));
		return id;
	}

	private record Item(String title, int minutes) {
	}

	private @Nullable Item item(OrganisationId organisation, TriggerRule rule) {
		if (rule.lesson() != null) {
			return lessons.latestPublished(organisation, rule.lesson())
				.map(v -> new Item(v.content().title(), v.content().estimatedMinutes()))
				.orElse(null);
		}
		return programs.find(organisation, rule.program()).map(p -> new Item(p.title(), 5)).orElse(null);
	}

	private static Instant parseTime(String at) {
		try {
			return OffsetDateTime.parse(at.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidValueException("delivery.refused.must-iso-8601-time-offset-such", at);
		}
	}

	private Optional<TriggerView> byKey(OrganisationId organisation, String key) {
		return jdbc.sql("SELECT id FROM triggers WHERE organisation_id = :organisation AND idempotency_key = :key")
			.param("organisation", organisation.value())
			.param("key", key)
			.query(UUID.class)
			.optional()
			.flatMap(id -> find(organisation, id));
	}

	private Optional<TriggerView> find(OrganisationId organisation, UUID id) {
		var deliveries = new ArrayList<TriggerView.Delivery>();
		jdbc.sql("""
				SELECT d.id, d.rule_id, d.title, d.lesson_id, d.program_id, d.available_at, d.send_at, d.status,
				       s.sent_at
				FROM deliveries d
				LEFT JOIN delivery_sends s ON s.id = d.send_id
				WHERE d.organisation_id = :organisation
				  AND d.trigger_id = :id
				ORDER BY d.available_at, d.id
				""")
			.param("organisation", organisation.value())
			.param("id", id)
			.query((rs, n) -> new TriggerView.Delivery(rs.getObject("id", UUID.class), rs.getObject("rule_id", UUID.class),
					rs.getString("title"), rs.getObject("lesson_id", UUID.class), rs.getObject("program_id", UUID.class),
					Timestamps.read(rs, "available_at"), Timestamps.read(rs, "send_at"), rs.getString("status"),
					Timestamps.read(rs, "sent_at")))
			.list()
			.forEach(deliveries::add);
		return jdbc.sql("""
				SELECT id, trigger_type, user_id, event_at, received_at
				FROM triggers
				WHERE organisation_id = :organisation
				  AND id = :id
				""")
			.param("organisation", organisation.value())
			.param("id", id)
			.query((rs, n) -> new TriggerView(rs.getObject("id", UUID.class), status(deliveries),
					rs.getString("trigger_type"), rs.getObject("user_id", UUID.class), Timestamps.read(rs, "event_at"),
					Timestamps.read(rs, "received_at"), deliveries))
			.optional();
	}

	private static String status(List<TriggerView.Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return "IGNORED";
		}
		return deliveries.stream().anyMatch(d -> d.status().equals("PLANNED")) ? "SCHEDULED" : "DONE";
	}
}
