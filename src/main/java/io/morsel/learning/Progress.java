package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramOutline;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.learning.ProgramProgress.LessonStatus;
import io.morsel.learning.ProgramProgress.Status;
import java.util.Collection;
import java.util.HashMap;
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

	Progress(JdbcClient jdbc, Programs programs, Enrolments enrolments, ProgramSights sights) {
		this.sights = sights;
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
		var sight = sights.of(learner.organisationId(), learner.userId());
		var outlines = programs.outlines(learner.organisationId())
			.stream()
			.filter(o -> sight.sees(o.program().id()))
			.toList();
		var standing = standing(learner,
				outlines.stream().flatMap(o -> o.program().lessons().stream()).collect(Collectors.toSet()));
		return outlines.stream()
			.filter(o -> visible(o.program(), standing.enrolled().containsKey(o.program().id())))
			.map(o -> progress(o, standing.enrolled().get(o.program().id()), standing.statuses()))
			.sorted((a, b) -> Boolean.compare(b.enrolment() != null, a.enrolment() != null))
			.toList();
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

	/** The learner's enrolments, and where they stand in these lessons (those they never started are left out). */
	private record Standing(Map<ProgramId, Enrolment> enrolled, Map<LessonId, Status> statuses) {
	}

	/** One query: the learner's enrolments and, beside them, each of these lessons they started and whether finished. */
	private Standing standing(Learner learner, Collection<LessonId> lessons) {
		var enrolled = new HashMap<ProgramId, Enrolment>();
		var statuses = new HashMap<LessonId, Status>();
		if (lessons.isEmpty()) {
			enrolments.of(learner).forEach(e -> enrolled.put(e.programId(), e));
			return new Standing(enrolled, statuses);
		}
		jdbc.sql("""
				SELECT program_id, assigned_by IS NOT NULL, due_at, enrolled_at, due_on,
				       CAST(NULL AS uuid) AS lesson_id, CAST(NULL AS boolean) AS completed
				FROM enrolments
				WHERE organisation_id = :organisation
				  AND user_id = :user
				UNION ALL
				SELECT CAST(NULL AS uuid), CAST(NULL AS boolean), CAST(NULL AS timestamp with time zone),
				       CAST(NULL AS timestamp with time zone), CAST(NULL AS date),
				       lesson_id, MAX(CASE WHEN completed_at IS NULL THEN 0 ELSE 1 END) = 1
				FROM lesson_attempts
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND lesson_id IN (:lessons)
				GROUP BY lesson_id
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("lessons", lessons.stream().map(LessonId::value).toList())
			.query((rs, n) -> {
				var program = rs.getObject(1, UUID.class);
				if (program != null) {
					var enrolment = Enrolments.enrolment(rs);
					enrolled.put(enrolment.programId(), enrolment);
				}
				else {
					statuses.put(new LessonId(rs.getObject(6, UUID.class)),
							rs.getBoolean(7) ? Status.COMPLETED : Status.IN_PROGRESS);
				}
				return null;
			})
			.list();
		return new Standing(enrolled, statuses);
	}
}
