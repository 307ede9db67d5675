package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramOutline;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.Member;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.learning.AssignedProgress.LessonResult;
import io.morsel.learning.ProgramProgress.Status;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a manager sees of their team: each person they look after (admins: everyone) against each program that person
 * is enrolled in — completion, due date, overdue, last activity, the score of each completed lesson and the last
 * reminder. People of other groups and other organisations never appear; a partner who manages sees the people of
 * their external groups only (identity's {@link Directory#looksAfter}), and of their programs those they hold
 * ({@link ProgramSights}, ADR 0042).
 */
@Service
public class TeamProgress {

	private final JdbcClient jdbc;
	private final Programs programs;
	private final Directory directory;
	private final Clock clock;
	private final ProgramSights sights;

	TeamProgress(JdbcClient jdbc, Programs programs, Directory directory, Clock clock, ProgramSights sights) {
		this.sights = sights;
		this.jdbc = jdbc;
		this.programs = programs;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The people the viewer looks after who are learners or enrolled in a program, those with an overdue program first,
	 * then by name.
	 * @throws AccessDeniedException unless the viewer is a manager or an admin
	 */
	@Transactional(readOnly = true)
	public List<PersonProgress> of(CurrentMember viewer) {
		var looksAfter = looksAfter(viewer);
		var people = directory.people(viewer.organisationId())
			.stream()
			.filter(p -> looksAfter.test(p.id()))
			.toList();
		var learners = people.stream()
			.filter(p -> p.roles().contains(Role.LEARNER) && !p.id().equals(viewer.memberId()))
			.map(Member::id)
			.toList();
		return progress(viewer, people).stream()
			.filter(p -> !p.programs().isEmpty() || learners.contains(p.memberId()))
			.sorted(Comparator.comparing((PersonProgress p) -> !p.overdue())
				.thenComparing(PersonProgress::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * One person the viewer looks after; anyone else (another group's, another organisation's, nobody) is not found.
	 * @throws AccessDeniedException unless the viewer is a manager or an admin
	 */
	@Transactional(readOnly = true)
	public PersonProgress of(CurrentMember viewer, MemberId person) {
		var looksAfter = looksAfter(viewer);
		if (!looksAfter.test(person)) {
			throw new NotFoundException("not-found.person");
		}
		var people = directory.people(viewer.organisationId()).stream().filter(p -> p.id().equals(person)).toList();
		return progress(viewer, people).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.person"));
	}

	private Predicate<MemberId> looksAfter(CurrentMember viewer) {
		if (!viewer.has(Role.MANAGER) && !viewer.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only managers and administrators see a team's progress");
		}
		return directory.looksAfter(viewer);
	}

	private List<PersonProgress> progress(CurrentMember viewer, List<Member> people) {
		var organisation = viewer.organisationId().value();
		var outlines = new HashMap<ProgramId, ProgramOutline>();
		programs.outlines(viewer.organisationId()).forEach(o -> outlines.put(o.program().id(), o));
		var enrolled = enrolments(organisation);
		var attempts = attempts(organisation);
		var reminded = reminders(organisation);
		var now = clock.instant();
		var sight = sights.of(viewer);
		var result = new ArrayList<PersonProgress>();
		for (var person : people) {
			var assigned = new ArrayList<AssignedProgress>();
			for (var enrolment : enrolled.getOrDefault(person.userId(), List.of())) {
				var outline = outlines.get(enrolment.program());
				if (outline == null || !sight.sees(enrolment.program())) {
					continue;
				}
				assigned.add(assigned(outline, enrolment.dueAt(),
						attempts.getOrDefault(person.userId(), Map.of()),
						reminded.get(new Reminded(person.userId(), enrolment.program())), now));
			}
			assigned.sort(AssignedProgress.OVERDUE_FIRST);
			result.add(new PersonProgress(person.id(), person.userId(), person.name(), person.email(), assigned));
		}
		return result;
	}

	private static AssignedProgress assigned(ProgramOutline outline, @Nullable Instant dueAt,
			Map<LessonId, LessonAttempt> attempts, @Nullable Instant remindedAt, Instant now) {
		var lessons = new ArrayList<LessonResult>();
		Instant lastActivity = null;
		var completed = 0;
		var started = false;
		for (var lesson : outline.published()) {
			var attempt = attempts.get(lesson.id());
			if (attempt == null) {
				lessons.add(new LessonResult(lesson.id(), lesson.title(), Status.NOT_STARTED, null, null));
				continue;
			}
			started = true;
			if (lastActivity == null || attempt.updatedAt().isAfter(lastActivity)) {
				lastActivity = attempt.updatedAt();
			}
			var done = attempt.completedAt() != null;
			completed += done ? 1 : 0;
			lessons.add(new LessonResult(lesson.id(), lesson.title(), done ? Status.COMPLETED : Status.IN_PROGRESS,
					done ? attempt.score() : null, attempt.completedAt()));
		}
		var total = lessons.size();
		var status = total > 0 && completed == total ? Status.COMPLETED
				: started ? Status.IN_PROGRESS : Status.NOT_STARTED;
		var overdue = dueAt != null && dueAt.isBefore(now) && status != Status.COMPLETED;
		return new AssignedProgress(outline.program().id(), outline.program().title(), status, dueAt, overdue,
				completed, total, lastActivity, remindedAt, lessons);
	}

	private record Enrolled(ProgramId program, @Nullable Instant dueAt) {
	}

	private record LessonAttempt(Instant updatedAt, @Nullable Instant completedAt, @Nullable Double score) {
	}

	private record Reminded(UserId user, ProgramId program) {
	}

	private Map<UserId, List<Enrolled>> enrolments(UUID organisation) {
		var enrolled = new HashMap<UserId, List<Enrolled>>();
		jdbc.sql("""
				SELECT user_id, program_id, due_at
				FROM enrolments
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation)
			.query(rs -> {
				enrolled.computeIfAbsent(new UserId(rs.getObject("user_id", UUID.class)), u -> new ArrayList<>())
					.add(new Enrolled(new ProgramId(rs.getObject("program_id", UUID.class)),
							Timestamps.read(rs, "due_at")));
			});
		return enrolled;
	}

	/**
	 * Each person's attempt at each lesson; where a lesson has several (retakes), the first completed one (a retake
	 * never changes the score a report showed), else the latest, with the last activity on any of them.
	 */
	private Map<UserId, Map<LessonId, LessonAttempt>> attempts(UUID organisation) {
		var attempts = new HashMap<UserId, Map<LessonId, LessonAttempt>>();
		jdbc.sql("""
				SELECT user_id, lesson_id, updated_at, completed_at, score
				FROM lesson_attempts
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation)
			.query(rs -> {
				var score = rs.getDouble("score");
				var scored = !rs.wasNull();
				var attempt = new LessonAttempt(Objects.requireNonNull(Timestamps.read(rs, "updated_at")),
						Timestamps.read(rs, "completed_at"), scored ? score : null);
				attempts.computeIfAbsent(new UserId(rs.getObject("user_id", UUID.class)), u -> new HashMap<>())
					.merge(new LessonId(rs.getObject("lesson_id", UUID.class)), attempt, TeamProgress::latest);
			});
		return attempts;
	}

	private static LessonAttempt latest(LessonAttempt a, LessonAttempt b) {
		var lastActivity = a.updatedAt().isAfter(b.updatedAt()) ? a.updatedAt() : b.updatedAt();
		LessonAttempt kept;
		if (a.completedAt() == null || b.completedAt() == null) {
			kept = a.completedAt() != null ? a : b.completedAt() != null ? b : a;
		}
		else {
			kept = a.completedAt().isBefore(b.completedAt()) ? a : b;
		}
		return new LessonAttempt(lastActivity, kept.completedAt(), kept.score());
	}

	private Map<Reminded, Instant> reminders(UUID organisation) {
		var reminded = new HashMap<Reminded, Instant>();
		jdbc.sql("""
				SELECT user_id, program_id, MAX(sent_at) AS last_sent
				FROM reminders
				WHERE organisation_id = :organisation
				GROUP BY user_id, program_id
				""")
			.param("organisation", organisation)
			.query(rs -> {
				reminded.put(new Reminded(new UserId(rs.getObject("user_id", UUID.class)),
						new ProgramId(rs.getObject("program_id", UUID.class))), Timestamps.read(rs, "last_sent"));
			});
		return reminded;
	}
}
