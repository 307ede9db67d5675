package io.morsel.delivery;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSight;
import io.morsel.catalog.ProgramSights;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.NextUp;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send log: every nudge that went out, which is also each learner's in-app notification centre. Every read is
 * scoped to one organisation, and a learner's to themselves.
 */
@Service
public class Sends {

	private static final String COLUMNS = """
			id, user_id, kind, title, path, minutes, in_app, email, sent_at, sent_by, read_at, emailed_at
			""";

	private final JdbcClient jdbc;
	private final Clock clock;

	private final ProgramSights sights;

	Sends(JdbcClient jdbc, Clock clock, ProgramSights sights) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sights = sights;
	}

	/**
	 * Whether the learner may see what a nudge links to: a partner (ADR 0042) is not shown the nudges of lessons or
	 * programs they no longer hold (sent before they became one), as the pages they link to are missing to them.
	 */
	static boolean seen(ProgramSight sight, String path) {
		if (!sight.narrowed()) {
			return true;
		}
		var lesson = idAfter(path, "/lessons/");
		if (lesson != null) {
			return sight.sees(new LessonId(lesson));
		}
		var program = idAfter(path, "/programs/");
		return program == null || sight.sees(new ProgramId(program));
	}

	private static @org.jspecify.annotations.Nullable UUID idAfter(String path, String prefix) {
		if (!path.startsWith(prefix)) {
			return null;
		}
		var rest = path.substring(prefix.length());
		var end = rest.indexOf('/');
		try {
			return UUID.fromString(end < 0 ? rest : rest.substring(0, end));
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

	/** When the learner's nudges went out since then, for the cadence's limits. */
	List<Instant> sentSince(OrganisationId organisation, UserId learner, Instant since) {
		return jdbc.sql("""
				SELECT sent_at
				FROM delivery_sends
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND sent_at >= :since
				""")
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.param("since", Timestamps.of(since))
			.query((rs, n) -> Timestamps.read(rs, "sent_at"))
			.list();
	}

	/** When these learners' nudges went out since then, by learner, in one read: for a batch of sends. */
	Map<UserId, List<Instant>> sentSince(OrganisationId organisation, Collection<UserId> learners, Instant since) {
		var sent = new HashMap<UserId, List<Instant>>();
		jdbc.sql("""
				SELECT user_id, sent_at
				FROM delivery_sends
				WHERE organisation_id = :organisation
				  AND user_id IN (:users)
				  AND sent_at >= :since
				""")
			.param("organisation", organisation.value())
			.param("users", learners.stream().map(UserId::value).toList())
			.param("since", Timestamps.of(since))
			.query((rs, n) -> sent.computeIfAbsent(new UserId(rs.getObject("user_id", UUID.class)), u -> new ArrayList<>())
				.add(Timestamps.read(rs, "sent_at")))
			.list();
		return sent;
	}

	UUID record(OrganisationId organisation, UserId learner, NextUp item, Cadences.Choices channels, Instant at,
			String node) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO delivery_sends (id, organisation_id, user_id, kind, title, path, minutes, in_app, email,
				                            sent_at, sent_by)
				VALUES (:id, :organisation, :user, :kind, :title, :path, :minutes, :inApp, :email, :at, :node)
				""")
			.param("id", id)
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.param("kind", item.kind().name())
			.param("title", item.title())
			.param("path", item.path())
			.param("minutes", (int) item.minutes())
			.param("inApp", channels.inApp())
			.param("email", channels.email())
			.param("at", Timestamps.of(at))
			.param("node", node)
			.update();
		return id;
	}

	Optional<SendView> find(OrganisationId organisation, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM delivery_sends WHERE organisation_id = :organisation AND id = :id")
			.param("organisation", organisation.value())
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** Marks the send's mail handed over; false when it was already (the listener ran before). */
	/**
	 * Takes the send's mail in hand for this node, unless it was mailed already or another node began handing it to
	 * SMTP less than {@code hold} ago. Committed on its own before the mail leaves, so that a node which stops while
	 * handing it over is known, and its mail is sent again (with the same Message-ID) only once the hold has lapsed.
	 */
	Handover takeMail(UUID id, java.time.Duration hold) {
		var now = clock.instant();
		var taken = jdbc.sql("""
				UPDATE delivery_sends
				SET mailing_since = :now
				WHERE id = :id
				  AND emailed_at IS NULL
				  AND (mailing_since IS NULL OR mailing_since < :lapsed)
				""")
			.param("now", Timestamps.of(now))
			.param("lapsed", Timestamps.of(now.minus(hold)))
			.param("id", id)
			.update() == 1;
		if (taken) {
			return Handover.TAKEN;
		}
		var emailed = jdbc.sql("SELECT emailed_at IS NOT NULL FROM delivery_sends WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.optional()
			.orElse(true);
		return emailed ? Handover.DONE : Handover.HELD_ELSEWHERE;
	}

	/** Whether a node began handing the send's mail to SMTP less than {@code hold} ago, and has not recorded it. */
	boolean mailHeld(UUID id, java.time.Duration hold) {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM delivery_sends
				WHERE id = :id
				  AND emailed_at IS NULL
				  AND mailing_since >= :lapsed
				""")
			.param("id", id)
			.param("lapsed", Timestamps.of(clock.instant().minus(hold)))
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a send's mail is this node's to hand over now. */
	enum Handover {
		TAKEN, DONE, HELD_ELSEWHERE
	}

	boolean markEmailed(UUID id) {
		return jdbc.sql("UPDATE delivery_sends SET emailed_at = :now WHERE id = :id AND emailed_at IS NULL")
			.param("now", Timestamps.of(clock.instant()))
			.param("id", id)
			.update() == 1;
	}

	/** The learner's in-app notifications, newest first; of those a partner may see. */
	@Transactional(readOnly = true)
	public List<SendView> notifications(OrganisationId organisation, UserId learner, int limit) {
		var sight = sights.of(organisation, learner);
		return jdbc.sql("SELECT " + COLUMNS + """
				FROM delivery_sends
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND in_app = TRUE
				ORDER BY sent_at DESC, id
				LIMIT :limit
				""")
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.param("limit", rowsFor(sight, limit))
			.query((rs, n) -> view(rs))
			.list()
			.stream()
			.filter(send -> seen(sight, send.path()))
			.limit(limit)
			.toList();
	}

	/**
	 * How many of the learner's in-app notifications are unread: one query on an index. A partner's count leaves out
	 * those they may not see.
	 */
	@Transactional(readOnly = true)
	public long unread(OrganisationId organisation, UserId learner) {
		var sight = sights.of(organisation, learner);
		var unread = jdbc.sql((sight.narrowed() ? "SELECT path" : "SELECT COUNT(*)") + """

				FROM delivery_sends
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND in_app = TRUE
				  AND read_at IS NULL
				""")
			.param("organisation", organisation.value())
			.param("user", learner.value());
		if (sight.narrowed()) {
			return unread.query(String.class).list().stream().filter(path -> seen(sight, path)).count();
		}
		return unread.query(Long.class).single();
	}

	/**
	 * How many of the newest rows to read for {@code limit} a learner may see: a partner's are filtered after reading
	 * (by {@link #seen}), so all of theirs are read, or sends they may no longer see would crowd out those they may.
	 */
	private static int rowsFor(ProgramSight sight, int limit) {
		return sight.narrowed() ? Integer.MAX_VALUE : limit;
	}

	/** Marks one of the learner's notifications read; another's, or one a partner may not see, is not found. */
	@Transactional
	public SendView read(OrganisationId organisation, UserId learner, UUID id) {
		var sight = sights.of(organisation, learner);
		find(organisation, id).filter(s -> s.user().equals(learner.value()) && seen(sight, s.path()))
			.orElseThrow(() -> new NotFoundException("not-found.notification"));
		jdbc.sql("""
				UPDATE delivery_sends
				SET read_at = :now
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND id = :id
				  AND read_at IS NULL
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.param("id", id)
			.update();
		return find(organisation, id).filter(s -> s.user().equals(learner.value()))
			.orElseThrow(() -> new NotFoundException("not-found.notification"));
	}

	@Transactional
	public void readAll(OrganisationId organisation, UserId learner) {
		jdbc.sql("""
				UPDATE delivery_sends
				SET read_at = :now
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND read_at IS NULL
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.update();
	}

	/** Everything sent to the learner, newest first: their send log; of it, what a partner may see. */
	@Transactional(readOnly = true)
	public List<SendView> log(OrganisationId organisation, UserId learner, int limit) {
		var sight = sights.of(organisation, learner);
		return jdbc.sql("SELECT " + COLUMNS + """
				FROM delivery_sends
				WHERE organisation_id = :organisation
				  AND user_id = :user
				ORDER BY sent_at DESC, id
				LIMIT :limit
				""")
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.param("limit", rowsFor(sight, limit))
			.query((rs, n) -> view(rs))
			.list()
			.stream()
			.filter(send -> seen(sight, send.path()))
			.limit(limit)
			.toList();
	}

	/** Everything sent in the organisation, newest first: the administrators' send log. */
	@Transactional(readOnly = true)
	public List<SendView> log(OrganisationId organisation, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				FROM delivery_sends
				WHERE organisation_id = :organisation
				ORDER BY sent_at DESC, id
				LIMIT :limit
				""")
			.param("organisation", organisation.value())
			.param("limit", limit)
			.query((rs, n) -> view(rs))
			.list();
	}

	private static SendView view(ResultSet rs) throws SQLException {
		return new SendView(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("kind"),
				rs.getString("title"), rs.getString("path"), rs.getInt("minutes"), rs.getBoolean("in_app"),
				rs.getBoolean("email"), Timestamps.read(rs, "sent_at"), rs.getString("sent_by"),
				Timestamps.read(rs, "read_at"), Timestamps.read(rs, "emailed_at"));
	}
}
