package io.morsel.learning;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.GroupId;
import io.morsel.identity.Member;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Learners join programs open to them; managers assign programs to people, with a due date. */
@Service
public class Enrolments {

	private final JdbcClient jdbc;
	private final Programs programs;
	private final Directory directory;
	private final Clock clock;
	private final ProgramSights sights;

	Enrolments(JdbcClient jdbc, Programs programs, Directory directory, Clock clock, ProgramSights sights) {
		this.sights = sights;
		this.jdbc = jdbc;
		this.programs = programs;
		this.directory = directory;
		this.clock = clock;
	}

	/** The learner joins a program that allows it; joining twice changes nothing. */
	@Transactional
	public Enrolment enrol(Learner learner, ProgramId programId) {
		var program = programs.find(learner.organisationId(), programId)
			.orElseThrow(() -> new NotFoundException("not-found.program"));
		var existing = of(learner, programId);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!program.offered() || !sights.of(learner.organisationId(), learner.userId()).sees(programId)) {
			// Unpublished or archived, or not open to this partner: a learner who does not see it, as a missing one.
			throw new NotFoundException("not-found.program");
		}
		if (!program.selfEnrol()) {
			throw new ConflictException("learning.refused.program-assigned-manager-cannot-joined");
		}
		insert(learner.organisationId().value(), programId, learner.userId(), null, null, null);
		return of(learner, programId).orElseThrow();
	}

	/**
	 * Assigns the program, due by the end of a date: the date every learner sees, whatever their time zone; it ends
	 * in the manager's.
	 * @return how many people were newly enrolled
	 * @see #assign(CurrentMember, ProgramId, List, List, Instant)
	 */
	@Transactional
	public int assignDueOn(CurrentMember manager, ProgramId programId, List<MemberId> people, List<GroupId> groups,
			@Nullable LocalDate dueOn) {
		var dueAt = dueOn == null ? null : dueOn.plusDays(1).atStartOfDay(manager.zone()).toInstant();
		return assign(manager, programId, people, groups, dueAt, dueOn);
	}

	/**
	 * Assigns the program to members of the manager's organisation, named or through their groups (as the groups are
	 * now); an existing enrolment gets the new due date. Managers and administrators assign. Learners see the due date
	 * as the date the instant falls on in the manager's time zone.
	 * @return how many people were newly enrolled
	 */
	@Transactional
	public int assign(CurrentMember manager, ProgramId programId, List<MemberId> people, List<GroupId> groups,
			@Nullable Instant dueAt) {
		return assign(manager, programId, people, groups, dueAt,
				dueAt == null ? null : dueAt.atZone(manager.zone()).toLocalDate());
	}

	private int assign(CurrentMember manager, ProgramId programId, List<MemberId> people, List<GroupId> groups,
			@Nullable Instant dueAt, @Nullable LocalDate dueOn) {
		if (!manager.has(Role.MANAGER) && !manager.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only managers and administrators assign programs");
		}
		var program = programs.find(manager.organisationId(), programId)
			.filter(p -> sights.of(manager).sees(p.id()))
			.orElseThrow(() -> new NotFoundException("not-found.program"));
		if (!program.offered()) {
			throw new ConflictException("learning.refused.program-publish-again-before-assigning",
					program.status().code());
		}
		var known = directory.groups(manager.organisationId());
		var members = new java.util.ArrayList<>(people);
		for (var group : groups) {
			members.addAll(known.stream()
				.filter(g -> g.id().equals(group))
				.findFirst()
				.orElseThrow(() -> new InvalidRequestException("learning.refused.not-group-organisation", group))
				.members());
		}
		if (members.isEmpty()) {
			throw new InvalidRequestException("learning.refused.choose-least-person-group-members");
		}
		var everyone = directory.people(manager.organisationId());
		var looksAfter = directory.looksAfter(manager);
		var added = 0;
		for (var id : members.stream().distinct().toList()) {
			var member = everyone.stream()
				.filter(p -> p.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new InvalidRequestException("learning.refused.not-member-organisation", id));
			if (!looksAfter.test(id)) {
				// A manager assigns only the people of the groups they manage; another is hidden, as a missing one.
				throw new NotFoundException("not-found.member");
			}
			added += enrolOrUpdate(manager, programId, member, dueAt, dueOn);
		}
		return added;
	}

	/**
	 * Removes a manager's assignment of the program to a person they look after: the person is no longer enrolled,
	 * and what they did in its lessons stays. A program the person joined themselves is theirs to keep.
	 * @throws NotFoundException when the program, the person (or one the manager does not look after) or the
	 * assignment does not exist
	 */
	@Transactional
	public void unassign(CurrentMember manager, ProgramId programId, MemberId person) {
		if (!manager.has(Role.MANAGER) && !manager.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only managers and administrators remove assignments");
		}
		programs.find(manager.organisationId(), programId)
			.filter(p -> sights.of(manager).sees(p.id()))
			.orElseThrow(() -> new NotFoundException("not-found.program"));
		if (!directory.looksAfter(manager).test(person)) {
			throw new NotFoundException("not-found.member");
		}
		var member = directory.people(manager.organisationId())
			.stream()
			.filter(p -> p.id().equals(person))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.member"));
		var removed = jdbc.sql("""
				DELETE FROM enrolments
				WHERE organisation_id = :organisation
				  AND program_id = :program
				  AND user_id = :user
				  AND assigned_by IS NOT NULL
				""")
			.param("organisation", manager.organisationId().value())
			.param("program", programId.value())
			.param("user", member.userId().value())
			.update();
		if (removed == 0) {
			throw new NotFoundException("not-found.assignment");
		}
	}

	/** One query, so no transaction of its own. */
	public List<Enrolment> of(Learner learner) {
		return jdbc.sql("""
				SELECT program_id, assigned_by IS NOT NULL, due_at, enrolled_at, due_on
				FROM enrolments
				WHERE organisation_id = :organisation
				  AND user_id = :user
				ORDER BY enrolled_at
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query((rs, n) -> enrolment(rs))
			.list();
	}

	public Optional<Enrolment> of(Learner learner, ProgramId program) {
		return of(learner).stream().filter(e -> e.programId().equals(program)).findFirst();
	}

	private int enrolOrUpdate(CurrentMember manager, ProgramId programId, Member member, @Nullable Instant dueAt,
			@Nullable LocalDate dueOn) {
		var updated = jdbc.sql("""
				UPDATE enrolments
				SET due_at = :due, due_on = :dueOn, assigned_by = :manager
				WHERE organisation_id = :organisation
				  AND program_id = :program
				  AND user_id = :user
				""")
			.param("due", dueAt == null ? null : Timestamps.of(dueAt))
			.param("dueOn", dueOn)
			.param("manager", manager.userId().value())
			.param("organisation", manager.organisationId().value())
			.param("program", programId.value())
			.param("user", member.userId().value())
			.update();
		if (updated > 0) {
			return 0;
		}
		insert(manager.organisationId().value(), programId, member.userId(), manager.userId(), dueAt, dueOn);
		return 1;
	}

	private void insert(UUID organisation, ProgramId program, UserId user, @Nullable UserId assignedBy,
			@Nullable Instant dueAt, @Nullable LocalDate dueOn) {
		jdbc.sql("""
				INSERT INTO enrolments (id, organisation_id, program_id, user_id, assigned_by, due_at, due_on, enrolled_at)
				VALUES (:id, :organisation, :program, :user, :by, :due, :dueOn, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", organisation)
			.param("program", program.value())
			.param("user", user.value())
			.param("by", assignedBy == null ? null : assignedBy.value())
			.param("due", dueAt == null ? null : Timestamps.of(dueAt))
			.param("dueOn", dueOn)
			.param("now", Timestamps.of(clock.instant()))
			.update();
	}

	/**
	 * The enrolment of a row whose first five columns are {@code program_id, assigned_by IS NOT NULL, due_at,
	 * enrolled_at, due_on}: how every query of enrolments reads them.
	 */
	static Enrolment enrolment(ResultSet row) throws SQLException {
		var due = row.getObject(3, OffsetDateTime.class);
		return new Enrolment(new ProgramId(row.getObject(1, UUID.class)), row.getBoolean(2),
				due == null ? null : due.toInstant(), row.getObject(4, OffsetDateTime.class).toInstant(),
				row.getObject(5, LocalDate.class));
	}
}
