package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The floor planner plans learners in batches, reading their cadences and recipients in bulk: for a few hundred
 * learners with mixed settings it plans exactly the learners whom the one-learner rule (their recipient, their
 * resolved {@link Cadence}, {@link Cadence#floorDue}) calls due, and each of them once, even with two runs at once.
 */
@MorselIntegrationTest
class FloorPlanningTests {

	private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
			"Pacific/Auckland");

	@Autowired
	FloorNudges floor;

	@Autowired
	Cadences cadences;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void plansTheLearnersTheOneLearnerRuleCallsDueAndNoOthers() {
		var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var random = new Random(16);
		var learners = new ArrayList<Seeded>();
		learners.addAll(organisation(random, now, 150, 2));
		learners.addAll(organisation(random, now, 150, null));
		var expected = new HashSet<UUID>();
		for (var learner : learners) {
			if (dueByTheOneLearnerRule(learner, now)) {
				expected.add(learner.user());
			}
		}
		assertThat(expected).as("the mix holds learners due and learners not").hasSizeBetween(30, 270);

		floor.plan(now);

		assertThat(floorDeliveries(learners, now)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(nudgedAt(learners, now)).containsExactlyInAnyOrderElementsOf(expected);
		// A second run of the same hour plans nobody again.
		floor.plan(now.plusSeconds(60));
		assertThat(allFloorDeliveries(learners)).hasSize(expected.size());
	}

	@Test
	void twoRunsAtOnceOnAnyNodePlanEachLearnerOnce() throws Exception {
		var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var learners = organisation(new Random(61), now, 200, 1);
		try (var runs = Executors.newFixedThreadPool(2)) {
			var first = runs.submit(() -> floor.plan(now));
			var second = runs.submit(() -> floor.plan(now.plusMillis(1)));
			first.get();
			second.get();
		}
		var planned = allFloorDeliveries(learners);
		assertThat(planned).doesNotHaveDuplicates();
		assertThat(planned).isNotEmpty();
	}

	/** The one-learner rule, as the planner applied it learner by learner before it planned in batches. */
	private boolean dueByTheOneLearnerRule(Seeded learner, Instant now) {
		var dayAgo = now.minus(Duration.ofDays(1));
		if (learner.paused() || (learner.lastLearned() != null && !learner.lastLearned().isBefore(dayAgo))
				|| (learner.lastNudged() != null && !learner.lastNudged().isBefore(dayAgo))) {
			return false;
		}
		var organisation = new OrganisationId(learner.organisation());
		var user = new UserId(learner.user());
		var recipient = directory.recipient(organisation, user);
		if (recipient.isEmpty()) {
			return false;
		}
		return cadences.of(organisation, user, recipient.get().zone(), null).floorDue(now, learner.lastLearned(),
				learner.lastNudged());
	}

	private record Seeded(UUID organisation, UUID user, boolean paused, @Nullable Instant lastLearned,
			@Nullable Instant lastNudged) {
	}

	/**
	 * An organisation of its own with this floor at its level (null: none set) and learners of every kind: their own
	 * floor or none, other settings of their own, in several zones, paused, deactivated, away for hours or days,
	 * nudged lately or long ago.
	 */
	private List<Seeded> organisation(Random random, Instant now, int size, @Nullable Integer floorDays) {
		var organisation = UUID.randomUUID();
		var slug = "floor-" + organisation.toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, :slug, :name, :now)")
			.param("id", organisation).param("slug", slug).param("name", "Floor " + slug)
			.param("now", Timestamp.from(now)).update();
		if (floorDays != null) {
			cadences.set(new OrganisationId(organisation), Cadences.Level.ORGANISATION, organisation,
					new CadenceSettings(3, 10, null, null, null, floorDays));
		}
		var seeded = new ArrayList<Seeded>();
		for (var i = 0; i < size; i++) {
			var user = UUID.randomUUID();
			var membership = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO users (id, email, name, time_zone, language, created_at)
					VALUES (:id, :email, :name, :zone, 'en', :now)
					""").param("id", user).param("email", "learner" + i + "-" + user + "@" + slug + ".test")
				.param("name", "Learner " + i).param("zone", ZONES.get(random.nextInt(ZONES.size())))
				.param("now", Timestamp.from(now)).update();
			jdbc.sql("""
					INSERT INTO memberships (id, organisation_id, user_id, joined_at, deactivated_at)
					VALUES (:id, :organisation, :user, :now, :deactivated)
					""").param("id", membership).param("organisation", organisation).param("user", user)
				.param("now", Timestamp.from(now))
				.param("deactivated", random.nextInt(20) == 0 ? Timestamp.from(now) : null).update();
			jdbc.sql("INSERT INTO membership_roles (membership_id, role) VALUES (:id, 'LEARNER')").param("id", membership)
				.update();
			switch (random.nextInt(5)) {
				case 0 -> cadences.set(new OrganisationId(organisation), Cadences.Level.LEARNER, user,
						new CadenceSettings(null, null, null, null, null, random.nextInt(6)));
				case 1 -> cadences.set(new OrganisationId(organisation), Cadences.Level.LEARNER, user,
						new CadenceSettings(2, null, QuietHours.parse("22:00-07:00"), null, true, null));
				default -> {
					// Everything inherited.
				}
			}
			var paused = random.nextInt(10) == 0;
			var lastLearned = random.nextInt(4) == 0 ? null : now.minus(Duration.ofHours(1 + random.nextInt(200)));
			var lastNudged = random.nextInt(2) == 0 ? null : now.minus(Duration.ofHours(1 + random.nextInt(200)));
			jdbc.sql("""
					INSERT INTO delivery_learners (organisation_id, user_id, paused, last_learned_at, floor_nudged_at)
					VALUES (:organisation, :user, :paused, :learned, :nudged)
					""").param("organisation", organisation).param("user", user).param("paused", paused)
				.param("learned", lastLearned == null ? null : Timestamp.from(lastLearned))
				.param("nudged", lastNudged == null ? null : Timestamp.from(lastNudged)).update();
			seeded.add(new Seeded(organisation, user, paused, lastLearned, lastNudged));
		}
		return seeded;
	}

	private List<UUID> floorDeliveries(List<Seeded> learners, Instant at) {
		return jdbc.sql("""
				SELECT user_id
				FROM deliveries
				WHERE reason = 'FLOOR'
				  AND status = 'PLANNED'
				  AND send_at = :at
				  AND user_id IN (:users)
				""").param("at", Timestamp.from(at)).param("users", users(learners)).query(UUID.class).list();
	}

	private List<UUID> allFloorDeliveries(List<Seeded> learners) {
		return jdbc.sql("SELECT user_id FROM deliveries WHERE reason = 'FLOOR' AND user_id IN (:users)")
			.param("users", users(learners)).query(UUID.class).list();
	}

	private Set<UUID> nudgedAt(List<Seeded> learners, Instant at) {
		return new HashSet<>(jdbc.sql("SELECT user_id FROM delivery_learners WHERE floor_nudged_at = :at AND user_id IN (:users)")
			.param("at", Timestamp.from(at)).param("users", users(learners)).query(UUID.class).list());
	}

	private static List<UUID> users(List<Seeded> learners) {
		return learners.stream().map(Seeded::user).toList();
	}
}
