package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramOutline;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.learning.ProgramProgress.LessonStatus;
import io.morsel.learning.ProgramProgress.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where a learner stands in their programs, and in the programs they may join. */
@Service
public class Progress {

	private final JdbcClient jdbc;
	private final Programs programs;
	private final Enrolments enrolments;
	private final ProgramSights sights;
	private final Lessons lessons;

	Progress(JdbcClient jdbc, Programs programs, Enrolments enrolments, ProgramSights sights, Lessons lessons) {
		this.sights = sights;
		this.lessons = lessons;
		this.jdbc = jdbc;
		this.programs = programs;
		this.enrolments = enrolments;
	}

	/**
	 * Every program the learner is enrolled in or may join, enrolled ones first. Two queries (the organisation's
	 * programs with their published lessons; the learner's enrolments with their lessons' statuses), and no
	 * transaction: at PostgreSQL's READ COMMITTED a read-only transaction gives them no common snapshot, and would only
	 * add its round trips to the page learners open most (Today). A partner gets only the programs assigned or open to
	 * them ({@link ProgramSights}).
	 */
	public List<ProgramProgress> of(Learner learner) {
		return read(learner, false).programs();
	}

	/**
	 * What Today shows of the learner's own records: every program as {@link #of(Learner)} gives them, where their
	 * daily goal stands on the day {@code now} is in their zone, and the lessons with a significant update to offer
	 * (as {@link Attempts#updates}), and the earliest time a review card of theirs falls due. The goal, the learning
	 * days, the updated lessons' attempts and that time are read in the programs' query, so that the page learners
	 * open most asks the database one question for all of them.
	 */
	public TodayReading today(Learner learner, ZoneId zone, Instant now) {
		var read = read(learner, true);
		var standing = read.standing();
		return new TodayReading(read.programs(),
				Goals.standing(standing.goal(), standing.days(), LearningDay.dateOf(now, zone)),
				Attempts.updates(lessons, learner.organisationId(), read.significant(), standing.completedVersions()),
				standing.earliestDue());
	}

	/** @param significant the organisation's significant lesson versions, when the learning days were read too */
	private record Read(List<ProgramProgress> programs, Standing standing, Map<LessonId, Integer> significant) {
	}

	/** The learner's programs, enrolled ones first, from their standing read with or without their learning days. */
	private Read read(Learner learner, boolean withDays) {
		var sight = sights.of(learner.organisationId(), learner.userId());
		var outlines = programs.outlines(learner.organisationId())
			.stream()
			.filter(o -> sight.sees(o.program().id()))
			.toList();
		var read = outlines.stream().flatMap(o -> o.program().lessons().stream()).collect(Collectors.toCollection(HashSet::new));
		var significant = withDays ? lessons.significantVersions(learner.organisationId()) : Map.<LessonId, Integer>of();
		read.addAll(significant.keySet());
		var standing = standing(learner, read, withDays);
		var shown = outlines.stream()
			.filter(o -> visible(o.program(), standing.enrolled().containsKey(o.program().id())))
			.map(o -> progress(o, standing.enrolled().get(o.program().id()), standing.statuses()))
			.sorted((a, b) -> Boolean.compare(b.enrolment() != null, a.enrolment() != null))
			.toList();
		return new Read(shown, standing, significant);
	}

	/**
	 * The program a learner takes this lesson in: the first they are enrolled in that holds it, else the first open to
	 * them that does; none when the lesson is in none of their programs.
	 */
	public Optional<ProgramProgress> containing(Learner learner, LessonId lesson) {
		return of(learner).stream().filter(p -> p.contains(lesson)).findFirst();
	}

	/**
	 * One program by its id: a published one to anyone (an assigned-only one shows what it holds), an unpublished one
	 * to those enrolled, an archived one to nobody; to a partner only one assigned or open to them.
	 */
	public Optional<ProgramProgress> of(Learner learner, ProgramId id) {
		if (!sights.of(learner.organisationId(), learner.userId()).sees(id)) {
			return Optional.empty();
		}
		return programs.outline(learner.organisationId(), id).flatMap(outline -> {
			var standing = standing(learner, outline.program().lessons());
			var enrolment = standing.enrolled().get(id);
			if (!outline.program().offered() && !visible(outline.program(), enrolment != null)) {
				return Optional.empty();
			}
			return Optional.of(progress(outline, enrolment, standing.statuses()));
		});
	}

	/**
	 * Whether the learner sees the program: an archived one is gone from everyone's catalog (their records stay); an
	 * unpublished one stays with those enrolled; a published one shows to those enrolled and, if open, to everyone.
	 */
	private static boolean visible(Program program, boolean enrolled) {
		return switch (program.status()) {
			case ARCHIVED, DRAFT -> false;
			case UNPUBLISHED -> enrolled;
			case PUBLISHED -> enrolled || program.selfEnrol();
		};
	}

	private ProgramProgress progress(ProgramOutline outline, @Nullable Enrolment enrolment,
			Map<LessonId, Status> statuses) {
		var lessonStatuses = outline.published()
			.stream()
			.map(l -> new LessonStatus(l.id(), l.title(), l.objective(), l.estimatedMinutes(),
					statuses.getOrDefault(l.id(), Status.NOT_STARTED), l.publishedVersion(),
					outline.coverVersion(l.id()), l.why()))
			.toList();
		return new ProgramProgress(outline.program(), enrolment, lessonStatuses);
	}

	/**
	 * The learner's enrolments, where they stand in these lessons (those they never started are left out), the newest
	 * version they took of each they completed, and, when asked for, their goal, learning days and the earliest time a
	 * review card of theirs falls due (else the starting goal, none and null).
	 */
	private record Standing(Map<ProgramId, Enrolment> enrolled, Map<LessonId, Status> statuses,
			Map<LessonId, Integer> completedVersions, DailyGoal goal, List<LearningDay> days,
			@Nullable Instant earliestDue) {
	}

	/** One query: the learner's enrolments and, beside them, each of these lessons they started and whether finished. */
	private Standing standing(Learner learner, Collection<LessonId> lessons) {
		return standing(learner, lessons, false);
	}

	/**
	 * One query: the learner's enrolments and, beside them, each of these lessons they started and whether finished;
	 * with {@code withDays}, their daily goal (when they chose one), every day they learned and the earliest time a
	 * review card of theirs falls due ({@link ReviewDueTimes}) too. The parts are told apart by which of their columns
	 * are set: a program (1), a lesson (6, with the newest version taken in 15), a goal (8), the earliest due (16), a
	 * day (11).
	 */
	private Standing standing(Learner learner, Collection<LessonId> lessons, boolean withDays) {
		var enrolled = new HashMap<ProgramId, Enrolment>();
		var statuses = new HashMap<LessonId, Status>();
		var completedVersions = new HashMap<LessonId, Integer>();
		var goal = new DailyGoal[] { DailyGoal.STARTING };
		var days = new ArrayList<LearningDay>();
		var earliestDue = new Instant[1];
		if (lessons.isEmpty() && !withDays) {
			enrolments.of(learner).forEach(e -> enrolled.put(e.programId(), e));
			return new Standing(enrolled, statuses, completedVersions, goal[0], days, null);
		}
		var query = new StringBuilder("""
				SELECT program_id, assigned_by IS NOT NULL, due_at, enrolled_at, due_on,
				       CAST(NULL AS uuid) AS lesson_id, CAST(NULL AS boolean) AS completed,
				       CAST(NULL AS varchar(10)) AS kind, CAST(NULL AS int) AS amount, CAST(NULL AS boolean) AS weekends_off,
				       CAST(NULL AS date) AS learned_on, CAST(NULL AS bigint) AS seconds, CAST(NULL AS int) AS lessons,
				       CAST(NULL AS int) AS mastered, CAST(NULL AS int) AS taken,
				       CAST(NULL AS timestamp with time zone) AS earliest_due
				FROM enrolments
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""");
		if (!lessons.isEmpty()) {
			query.append("""
					UNION ALL
					SELECT CAST(NULL AS uuid), CAST(NULL AS boolean), CAST(NULL AS timestamp with time zone),
					       CAST(NULL AS timestamp with time zone), CAST(NULL AS date),
					       lesson_id, MAX(CASE WHEN completed_at IS NULL THEN 0 ELSE 1 END) = 1,
					       NULL, NULL, NULL, NULL, NULL, NULL, NULL, MAX(version), NULL
					FROM lesson_attempts
					WHERE organisation_id = :organisation
					  AND user_id = :user
					  AND lesson_id IN (:lessons)
					GROUP BY lesson_id
					""");
		}
		if (withDays) {
			query.append("""
					UNION ALL
					SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, kind, amount, weekends_off, NULL, NULL, NULL, NULL, NULL,
					       NULL
					FROM learner_goals
					WHERE organisation_id = :organisation
					  AND user_id = :user
					UNION ALL
					SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, learned_on, seconds, lessons, mastered, NULL,
					       NULL
					FROM learner_days
					WHERE organisation_id = :organisation
					  AND user_id = :user
					UNION ALL
					SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
					       earliest_due
					FROM learner_review_due
					WHERE organisation_id = :organisation
					  AND user_id = :user
					""");
		}
		var statement = jdbc.sql(query.toString())
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value());
		if (!lessons.isEmpty()) {
			statement = statement.param("lessons", lessons.stream().map(LessonId::value).toList());
		}
		statement.query(rs -> {
			if (rs.getObject(1, UUID.class) != null) {
				var enrolment = Enrolments.enrolment(rs);
				enrolled.put(enrolment.programId(), enrolment);
			}
			else if (rs.getObject(6, UUID.class) != null) {
				var lesson = new LessonId(rs.getObject(6, UUID.class));
				statuses.put(lesson, rs.getBoolean(7) ? Status.COMPLETED : Status.IN_PROGRESS);
				if (rs.getBoolean(7)) {
					completedVersions.put(lesson, rs.getInt(15));
				}
			}
			else if (rs.getString(8) != null) {
				goal[0] = new DailyGoal(DailyGoal.Kind.valueOf(rs.getString(8)), rs.getInt(9), rs.getBoolean(10));
			}
			else if (rs.getObject(16) != null) {
				earliestDue[0] = rs.getObject(16, OffsetDateTime.class).toInstant();
			}
			else {
				days.add(new LearningDay(rs.getObject(11, LocalDate.class), rs.getLong(12), rs.getInt(13),
						rs.getInt(14)));
			}
		});
		return new Standing(enrolled, statuses, completedVersions, goal[0], days, earliestDue[0]);
	}
}
