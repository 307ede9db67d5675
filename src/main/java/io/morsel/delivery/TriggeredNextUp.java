package io.morsel.delivery;

import io.morsel.catalog.ProgramSights;
import io.morsel.learning.Learner;
import io.morsel.learning.NextUp;
import io.morsel.learning.NextUpSource;
import io.morsel.shared.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learner's triggered lessons that are available and not yet sent, as candidates of learning's {@link NextUp}
 * rule, so that Today's "Next up" shows them too: one query, and none for an organisation that never received a
 * trigger ({@link TriggeredOrganisations}). A partner's are only those of the lessons and programs they may see
 * (ADR 0042): a trigger for another lesson waits, unsent, until they may.
 */
@Component
class TriggeredNextUp implements NextUpSource {

	private final JdbcClient jdbc;
	private final TriggeredOrganisations organisations;
	private final ProgramSights sights;

	TriggeredNextUp(JdbcClient jdbc, TriggeredOrganisations organisations, ProgramSights sights) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.sights = sights;
	}

	@Override
	public NextUp.Kind kind() {
		return NextUp.Kind.TRIGGERED;
	}

	@Override
	public List<NextUp> candidates(Learner learner, ZoneId zone, Instant now) {
		if (!organisations.mayHaveTriggeredLessons(learner.organisationId())) {
			return List.of();
		}
		var sight = sights.of(learner.organisationId(), learner.userId());
		return jdbc.sql("""
				SELECT id, lesson_id, program_id, title, minutes, available_at
				FROM deliveries
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND reason = 'TRIGGERED'
				  AND status = 'PLANNED'
				  AND available_at <= :now
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("now", Timestamps.of(now))
			.query((rs, n) -> {
				var lesson = rs.getObject("lesson_id", UUID.class);
				var path = lesson != null ? "/lessons/" + lesson : "/programs/" + rs.getObject("program_id", UUID.class);
				return new NextUp(NextUp.Kind.TRIGGERED, rs.getString("title"), path, rs.getInt("minutes"),
						Timestamps.read(rs, "available_at"), rs.getObject("id", UUID.class));
			})
			.list()
			.stream()
			// The rule the notification centre and the send log judge a nudge's link by.
			.filter(next -> Sends.seen(sight, next.path()))
			.toList();
	}
}
