package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.NextUp.Kind;
import io.morsel.learning.ProgramProgress.LessonStatus;
import io.morsel.learning.ProgramProgress.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The no-pile-up rule (docs/delivery.md, "One thing at a time"): one item, the most valuable, never a backlog. */
class NextUpTests {

	static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");

	static final NextUp REVIEW = new NextUp(Kind.REVIEW, "", "/review", 3, null, null);
	static final NextUp DUE_FRIDAY = item(Kind.ASSIGNMENT_DUE_SOON, "Objection handling", "2026-01-16T17:00:00Z");
	static final NextUp DUE_MONDAY = item(Kind.ASSIGNMENT_DUE_SOON, "Pricing basics", "2026-01-19T17:00:00Z");
	static final NextUp MEETING = item(Kind.TRIGGERED, "Before the customer meeting", "2026-01-15T08:00:00Z");
	static final NextUp RELEASE = item(Kind.TRIGGERED, "What is new in 4.2", "2026-01-15T08:30:00Z");
	static final NextUp SERIES = item(Kind.SERIES, "Active listening", "2026-01-01T00:00:00Z");

	@Test
	void theDailyReviewComesFirstWhenDue() {
		assertThat(NextUp.mostValuable(List.of(SERIES, MEETING, DUE_FRIDAY, REVIEW))).contains(REVIEW);
	}

	@Test
	void thenAnAssignedLessonNearingItsDueDateTheSoonestFirst() {
		assertThat(NextUp.mostValuable(List.of(SERIES, MEETING, DUE_MONDAY, DUE_FRIDAY))).contains(DUE_FRIDAY);
	}

	@Test
	void thenATriggeredLessonTheEarliestFirstThenTheSeries() {
		assertThat(NextUp.mostValuable(List.of(SERIES, RELEASE, MEETING))).contains(MEETING);
		assertThat(NextUp.mostValuable(List.of(SERIES))).contains(SERIES);
		assertThat(NextUp.mostValuable(List.of())).isEmpty();
	}

	@Test
	void anAssignmentCountsAsNearingItsDueDateWithinAWeekOrOverdue() {
		assertThat(NextUp.programKind(enrolment(true, NOW.plus(Duration.ofDays(7))), NOW)).isEqualTo(Kind.ASSIGNMENT_DUE_SOON);
		assertThat(NextUp.programKind(enrolment(true, NOW.minus(Duration.ofDays(2))), NOW)).isEqualTo(Kind.ASSIGNMENT_DUE_SOON);
		assertThat(NextUp.programKind(enrolment(true, NOW.plus(Duration.ofDays(8))), NOW)).isEqualTo(Kind.SERIES);
		assertThat(NextUp.programKind(enrolment(true, null), NOW)).isEqualTo(Kind.SERIES);
		// A program the learner joined by themselves has no assignment to be due.
		assertThat(NextUp.programKind(enrolment(false, NOW.plus(Duration.ofDays(1))), NOW)).isEqualTo(Kind.SERIES);
	}

	@Test
	void eachProgramOffersOnlyItsNextLessonNeverItsBacklog() {
		var overdue = progress(enrolment(true, NOW.minus(Duration.ofDays(30))), Status.COMPLETED, Status.NOT_STARTED,
				Status.NOT_STARTED, Status.NOT_STARTED);
		var done = progress(enrolment(false, null), Status.COMPLETED);
		var open = progress(null, Status.NOT_STARTED);

		var candidates = NextUps.fromPrograms(List.of(overdue, done, open), NOW);

		assertThat(candidates).singleElement().satisfies(next -> {
			assertThat(next.kind()).isEqualTo(Kind.ASSIGNMENT_DUE_SOON);
			assertThat(next.title()).isEqualTo("Lesson 2");
		});
	}

	@Test
	void aLessonAlreadyBegunLeadsTheSeries() {
		var earlier = progress(enrolment(false, null), Status.NOT_STARTED);
		var begun = progress(enrolment(false, null), Status.COMPLETED, Status.IN_PROGRESS);

		var next = NextUp.mostValuable(NextUps.fromPrograms(List.of(earlier, begun), NOW)).orElseThrow();

		assertThat(next.title()).isEqualTo("Lesson 2");
	}

	/** Seeded random sets: the pick is always of the most valuable kind present, and the order does not matter. */
	@Test
	void thePickIsOfTheBestKindPresentWhateverTheOrder() {
		var random = new Random(16);
		var all = List.of(REVIEW, DUE_FRIDAY, DUE_MONDAY, MEETING, RELEASE, SERIES);
		for (int run = 0; run < 500; run++) {
			var some = new ArrayList<>(all.stream().filter(i -> random.nextBoolean()).toList());
			Collections.shuffle(some, random);
			var picked = NextUp.mostValuable(some);
			if (some.isEmpty()) {
				assertThat(picked).isEmpty();
				continue;
			}
			var best = some.stream().map(NextUp::kind).min(Kind::compareTo).orElseThrow();
			assertThat(picked.orElseThrow().kind()).isEqualTo(best);
			Collections.shuffle(some, random);
			assertThat(NextUp.mostValuable(some)).isEqualTo(picked);
		}
	}

	@Test
	void aSourceThatCannotBeatTheBestItemFoundIsNotAsked() {
		var reviews = new CountingSource(Kind.REVIEW, REVIEW);
		var triggers = new CountingSource(Kind.TRIGGERED, MEETING);
		var sources = NextUps.inOrderOfKind(List.of(triggers, reviews));

		// The review is due: the triggered lessons cannot win, and their source is not asked.
		assertThat(NextUps.mostValuable(List.of(SERIES), sources, LEARNER, ZoneOffset.UTC, NOW)).contains(REVIEW);
		assertThat(triggers.asked).isZero();

		// Nothing due for review, an assigned lesson due soon: the same.
		reviews.offers = List.of();
		assertThat(NextUps.mostValuable(List.of(DUE_FRIDAY), sources, LEARNER, ZoneOffset.UTC, NOW)).contains(DUE_FRIDAY);
		assertThat(triggers.asked).isZero();

		// Only a series: the triggered lesson beats it, so its source is asked.
		assertThat(NextUps.mostValuable(List.of(SERIES), sources, LEARNER, ZoneOffset.UTC, NOW)).contains(MEETING);
		assertThat(triggers.asked).isOne();
		assertThat(reviews.asked).isEqualTo(3);
	}

	@Test
	void askingOnlyTheSourcesThatCouldWinPicksWhatAskingAllWould() {
		var random = new Random(28);
		var all = List.of(REVIEW, DUE_FRIDAY, DUE_MONDAY, MEETING, RELEASE, SERIES);
		for (int run = 0; run < 2_000; run++) {
			var fromPrograms = new ArrayList<NextUp>();
			var reviews = new CountingSource(Kind.REVIEW);
			var triggers = new CountingSource(Kind.TRIGGERED);
			for (var item : all) {
				if (!random.nextBoolean()) {
					continue;
				}
				switch (item.kind()) {
					case REVIEW -> reviews.offers = List.of(item);
					case TRIGGERED -> triggers.offers = add(triggers.offers, item);
					default -> fromPrograms.add(item);
				}
			}
			var everything = new ArrayList<NextUp>(fromPrograms);
			everything.addAll(reviews.offers);
			everything.addAll(triggers.offers);
			var sources = NextUps.inOrderOfKind(random.nextBoolean() ? List.of(reviews, triggers) : List.of(triggers, reviews));
			assertThat(NextUps.mostValuable(fromPrograms, sources, LEARNER, ZoneOffset.UTC, NOW))
				.isEqualTo(NextUp.mostValuable(everything));
		}
	}

	static final Learner LEARNER = new Learner(new OrganisationId(UUID.randomUUID()),
			new UserId(UUID.randomUUID()));

	private static List<NextUp> add(List<NextUp> items, NextUp item) {
		var more = new ArrayList<NextUp>(items);
		more.add(item);
		return more;
	}

	/** A source of one kind offering fixed items, counting how often it is asked. */
	private static final class CountingSource implements NextUpSource {

		private final Kind kind;
		List<NextUp> offers;
		int asked;

		CountingSource(Kind kind, NextUp... offers) {
			this.kind = kind;
			this.offers = List.of(offers);
		}

		@Override
		public Kind kind() {
			return kind;
		}

		@Override
		public List<NextUp> candidates(Learner learner, ZoneId zone, Instant now) {
			asked++;
			return offers;
		}
	}

	private static NextUp item(Kind kind, String title, String rank) {
		return new NextUp(kind, title, "/lessons/" + UUID.nameUUIDFromBytes(title.getBytes()), 5, Instant.parse(rank),
				null);
	}

	private static Enrolment enrolment(boolean assigned, @Nullable Instant due) {
		return new Enrolment(new ProgramId(UUID.randomUUID()), assigned, due, NOW.minus(Duration.ofDays(40)),
				due == null ? null : LocalDate.ofInstant(due, ZoneOffset.UTC));
	}

	private static ProgramProgress progress(@Nullable Enrolment enrolment, Status... statuses) {
		var lessons = new ArrayList<LessonStatus>();
		for (int i = 0; i < statuses.length; i++) {
			lessons.add(new LessonStatus(new LessonId(UUID.randomUUID()), "Lesson " + (i + 1), "Objective", 5, statuses[i], 1, 0, null));
		}
		var id = enrolment != null ? enrolment.programId() : new ProgramId(UUID.randomUUID());
		var program = new Program(id, "p-" + id.value().toString().substring(0, 8), "Program", "Outcome", null, true,
				lessons.stream().map(LessonStatus::id).toList());
		return new ProgramProgress(program, enrolment, lessons);
	}
}
