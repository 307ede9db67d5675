package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.learning.ProgramProgress.LessonStatus;
import io.morsel.learning.ProgramProgress.Status;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where a learner stands in their programs, and in the programs they may join. */
@Service
public class Progress {

	private final JdbcClient jdbc;
	private final Programs programs;
	private final Lessons lessons;
	private final Enrolments enrolments;

	Progress(JdbcClient jdbc, Programs programs, Lessons lessons, Enrolments enrolments) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.lessons = lessons;
		this.enrolments = enrolments;
	}

	/**
	 * Every program the learner is enrolled in or may join, enrolled ones first. No transaction: at PostgreSQL's READ
	 * COMMITTED a read-only transaction gives these few queries no common snapshot, and would only add its round trips
	 * to the page learners open most (Today).
	 */
	public List<ProgramProgress> of(Learner learner) {
		var enrolled = enrolments.of(learner).stream().collect(Collectors.toMap(Enrolment::programId, e -> e));
		var shown = programs.all(learner.organisationId())
			.stream()
			.filter(p -> enrolled.containsKey(p.id()) || p.selfEnrol())
			.toList();
		var lessonIds = shown.stream().flatMap(p -> p.lessons().stream()).collect(Collectors.toSet());
		var published = published(learner, lessonIds);
		var statuses = statuses(learner, lessonIds);
		return shown.stream()
			.map(p -> progress(p, enrolled.get(p.id()), published, statuses))
			.sorted((a, b) -> Boolean.compare(b.enrolment() != null, a.enrolment() != null))
			.toList();
	}

	public Optional<ProgramProgress> of(Learner learner, ProgramId id) {
		return programs.find(learner.organisationId(), id)
			.map(p -> progress(p, enrolments.of(learner, id).orElse(null), published(learner, p.lessons()),
					statuses(learner, p.lessons())));
	}

	private ProgramProgress progress(Program program, Enrolment enrolment, Map<LessonId, LessonSummary> published,
			Map<LessonId, Status> statuses) {
		var lessonStatuses = program.lessons()
			.stream()
			.filter(published::containsKey)
			.map(published::get)
			.map(l -> new LessonStatus(l.id(), l.title(), l.objective(), l.estimatedMinutes(),
					statuses.getOrDefault(l.id(), Status.NOT_STARTED)))
			.toList();
		return new ProgramProgress(program, enrolment, lessonStatuses);
	}

	private Map<LessonId, LessonSummary> published(Learner learner, Collection<LessonId> only) {
		return lessons.published(learner.organisationId(), only)
			.stream()
			.collect(Collectors.toMap(LessonSummary::id, Function.identity()));
	}

	private Map<LessonId, Status> statuses(Learner learner, Collection<LessonId> only) {
		var statuses = new HashMap<LessonId, Status>();
		if (only.isEmpty()) {
			return statuses;
		}
		jdbc.sql("""
				SELECT lesson_id, completed_at IS NOT NULL
				FROM lesson_attempts
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND lesson_id IN (:only)
				""")
			.param("only", only.stream().map(LessonId::value).toList())
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query((rs, n) -> Map.entry(new LessonId(rs.getObject(1, UUID.class)),
					rs.getBoolean(2) ? Status.COMPLETED : Status.IN_PROGRESS))
			.list()
			.forEach(e -> statuses.put(e.getKey(), e.getValue()));
		return statuses;
	}
}
