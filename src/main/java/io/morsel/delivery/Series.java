package io.morsel.delivery;

import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.learning.Enrolments;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Series subscriptions (docs/delivery.md, "Series"): a learner takes a program as "one lesson a day for N days" at a
 * time of their wall clock, and may pause, resume or leave it. Each day's nudge is a planned delivery (reason
 * {@code SERIES}); what it brings is decided when it goes out, by the same {@link io.morsel.learning.NextUp} rule as
 * every nudge: subscribing enrols the learner, so the program's next lesson is a candidate, behind a due review, an
 * assignment due soon or a triggered lesson. One nudge a day goes out whatever it brought, and the next day's is
 * planned then, so missed days never pile up.
 */
@Service
public class Series {

	/** The longest series a learner may take, in days. */
	public static final int MOST_DAYS = 90;

	private final JdbcClient jdbc;
	private final Programs programs;
	private final Enrolments enrolments;
	private final Cadences cadences;
	private final Clock clock;

	private final ProgramSights sights;

	Series(JdbcClient jdbc, Programs programs, Enrolments enrolments, Cadences cadences, Clock clock,
			ProgramSights sights) {
		this.sights = sights;
		this.jdbc = jdbc;
		this.programs = programs;
		this.enrolments = enrolments;
		this.cadences = cadences;
		this.clock = clock;
	}

	/**
	 * Subscribes the learner to the program as a series starting at the next {@code at}; subscribing again starts it
	 * over with the new days and time.
	 *
	 * @throws NotFoundException when the program is not the organisation's
	 * @throws InvalidValueException when days is not from 1 to 90
	 */
	@Transactional
	public SeriesView subscribe(Learner learner, ZoneId zone, ProgramId programId, int days, LocalTime at) {
		if (days < 1 || days > MOST_DAYS) {
			throw new InvalidValueException("delivery.refused.series-lasts-1-days", MOST_DAYS);
		}
		var program = programs.find(learner.organisationId(), programId)
			.orElseThrow(() -> new NotFoundException("not-found.program"));
		if (enrolments.of(learner, programId).isEmpty()) {
			enrolments.enrol(learner, programId);
		}
		cadences.known(learner.organisationId(), learner.userId());
		cancelPlanned(learner, programId);
		jdbc.sql("""
				DELETE FROM delivery_series
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND program_id = :program
				""").param("organisation", org(learner)).param("user", user(learner)).param("program", programId.value())
			.update();
		jdbc.sql("""
				INSERT INTO delivery_series (organisation_id, user_id, program_id, days, at_time, status, days_sent,
				                             subscribed_at)
				VALUES (:organisation, :user, :program, :days, :at, 'ACTIVE', 0, :now)
				""")
			.param("organisation", org(learner))
			.param("user", user(learner))
			.param("program", programId.value())
			.param("days", days)
			.param("at", at.withSecond(0).withNano(0).toString())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		planNext(learner, programId, program.title(), at, zone, clock.instant());
		return find(learner, programId);
	}

	/** Pauses the series: nothing more is planned until it is resumed. */
	@Transactional
	public SeriesView pause(Learner learner, ProgramId programId) {
		setStatus(learner, programId, "ACTIVE", "PAUSED");
		cancelPlanned(learner, programId);
		return find(learner, programId);
	}

	/** Resumes a paused series at its next time. */
	@Transactional
	public SeriesView resume(Learner learner, ZoneId zone, ProgramId programId) {
		setStatus(learner, programId, "PAUSED", "ACTIVE");
		var series = find(learner, programId);
		planNext(learner, programId, series.title(), series.at(), zone, clock.instant());
		return series;
	}

	/** Leaves the series; the enrolment in the program stays. */
	@Transactional
	public void leave(Learner learner, ProgramId programId) {
		find(learner, programId);
		jdbc.sql("""
				UPDATE delivery_series
				SET status = 'LEFT'
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND program_id = :program
				""").param("organisation", org(learner)).param("user", user(learner)).param("program", programId.value())
			.update();
		cancelPlanned(learner, programId);
	}

	/**
	 * The programs the learner may take as a series: offered ones with lessons that they may join, or are in already;
	 * of a partner's (ADR 0042), only those they may see.
	 */
	@Transactional(readOnly = true)
	public List<Program> takeable(Learner learner) {
		var enrolled = enrolments.of(learner).stream().map(e -> e.programId()).collect(Collectors.toSet());
		var sight = sights.of(learner.organisationId(), learner.userId());
		return programs.all(learner.organisationId()).stream()
			.filter(p -> !p.lessons().isEmpty())
			.filter(p -> sight.sees(p.id()))
			.filter(p -> enrolled.contains(p.id()) || p.offered() && p.selfEnrol())
			.toList();
	}

	/** The learner's series, left ones included; of a partner's, those of the programs they may see. */
	@Transactional(readOnly = true)
	public List<SeriesView> of(Learner learner) {
		var sight = sights.of(learner.organisationId(), learner.userId());
		return jdbc.sql("""
				SELECT program_id, days, at_time, status, days_sent
				FROM delivery_series
				WHERE organisation_id = :organisation
				  AND user_id = :user
				ORDER BY subscribed_at
				""").param("organisation", org(learner)).param("user", user(learner))
			.query((rs, n) -> view(learner, rs))
			.list()
			.stream()
			.filter(series -> sight.sees(new ProgramId(series.programId())))
			.toList();
	}

	/**
	 * A nudge went out while these series deliveries were due: each counts as its day, and the series plans its next
	 * day, or finishes. Called in the transaction of the send.
	 */
	void sent(Learner learner, List<UUID> seriesDeliveries, UUID sendId, ZoneId zone, Instant now) {
		for (var delivery : seriesDeliveries) {
			var program = jdbc.sql("""
					UPDATE deliveries
					SET status = 'SENT', send_id = :send
					WHERE id = :id
					  AND status = 'PLANNED'
					""").param("send", sendId).param("id", delivery).update() == 1
					? jdbc.sql("SELECT program_id FROM deliveries WHERE id = :id").param("id", delivery).query(UUID.class)
						.single()
					: null;
			if (program == null) {
				continue;
			}
			jdbc.sql("""
					UPDATE delivery_series
					SET days_sent = days_sent + 1,
					    status = CASE WHEN days_sent + 1 >= days THEN 'FINISHED' ELSE status END
					WHERE organisation_id = :organisation
					  AND user_id = :user
					  AND program_id = :program
					  AND status = 'ACTIVE'
					""").param("organisation", org(learner)).param("user", user(learner)).param("program", program)
				.update();
			var series = find(learner, new ProgramId(program));
			if (series.status().equals("ACTIVE")) {
				// The next day's nudge, at its time: never before the day after this one.
				planNext(learner, new ProgramId(program), series.title(), series.at(), zone, now.plusSeconds(60 * 60));
			}
		}
	}

	private SeriesView find(Learner learner, ProgramId programId) {
		return jdbc.sql("""
				SELECT program_id, days, at_time, status, days_sent
				FROM delivery_series
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND program_id = :program
				""").param("organisation", org(learner)).param("user", user(learner)).param("program", programId.value())
			.query((rs, n) -> view(learner, rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("not-found.series"));
	}

	private SeriesView view(Learner learner, java.sql.ResultSet rs) throws java.sql.SQLException {
		var program = rs.getObject("program_id", UUID.class);
		var title = programs.find(learner.organisationId(), new ProgramId(program)).map(p -> p.title()).orElse("");
		return new SeriesView(program, title, rs.getInt("days"), LocalTime.parse(rs.getString("at_time")),
				rs.getString("status"), rs.getInt("days_sent"));
	}

	private void setStatus(Learner learner, ProgramId programId, String from, String to) {
		find(learner, programId);
		jdbc.sql("""
				UPDATE delivery_series
				SET status = :to
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND program_id = :program
				  AND status = :from
				""").param("to", to).param("from", from).param("organisation", org(learner)).param("user", user(learner))
			.param("program", programId.value()).update();
	}

	/** Plans the series' nudge at the first {@code at} of the learner's wall clock after {@code after}. */
	private void planNext(Learner learner, ProgramId programId, String title, LocalTime at, ZoneId zone,
			Instant after) {
		var local = after.atZone(zone);
		var day = local.toLocalDate();
		var next = ZonedDateTime.of(day, at, zone);
		if (!next.toInstant().isAfter(after)) {
			next = ZonedDateTime.of(day.plusDays(1), at, zone);
		}
		jdbc.sql("""
				INSERT INTO deliveries (id, organisation_id, user_id, reason, program_id, title, minutes, available_at,
				                        send_at, status)
				VALUES (:id, :organisation, :user, 'SERIES', :program, :title, 5, :at, :at, 'PLANNED')
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", org(learner))
			.param("user", user(learner))
			.param("program", programId.value())
			.param("title", title.length() > 200 ? title.substring(0, 200) : title)
			.param("at", Timestamps.of(next.toInstant()))
			.update();
	}

	private void cancelPlanned(Learner learner, ProgramId programId) {
		jdbc.sql("""
				UPDATE deliveries
				SET status = 'CANCELLED'
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND program_id = :program
				  AND reason = 'SERIES'
				  AND status = 'PLANNED'
				""").param("organisation", org(learner)).param("user", user(learner)).param("program", programId.value())
			.update();
	}

	private static UUID org(Learner learner) {
		return learner.organisationId().value();
	}

	private static UUID user(Learner learner) {
		return learner.userId().value();
	}
}
