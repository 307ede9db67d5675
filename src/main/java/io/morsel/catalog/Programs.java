package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.PlainText;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's programs. */
@Service
public class Programs {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ProgramOutlines outlines;
	private final ObjectProvider<ProgramReferences> references;

	Programs(JdbcClient jdbc, Clock clock, ProgramOutlines outlines, ObjectProvider<ProgramReferences> references) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outlines = outlines;
		this.references = references;
	}

	/**
	 * Creates a program of the organisation's lessons, in order.
	 * @throws InvalidRequestException when the slug breaks {@link ProgramSlug}'s rule, or a detail its own
	 * @throws ConflictException when the organisation has a program of that slug already
	 */
	@Transactional
	public Program create(OrganisationId organisation, String slug, String title, String outcome,
			@Nullable String description, boolean selfEnrol, List<LessonId> lessons) {
		var valid = new ProgramSlug(slug);
		var program = checked(organisation, ProgramId.random(), slug, title, outcome, description, selfEnrol, lessons);
		try {
			jdbc.sql("""
					INSERT INTO programs (id, organisation_id, slug, title, outcome, description, self_enrol, created_at)
					VALUES (:id, :organisation, :slug, :title, :outcome, :description, :selfEnrol, :now)
					""")
				.param("id", program.id().value())
				.param("organisation", organisation.value())
				.param("slug", valid.value())
				.param("title", program.title())
				.param("outcome", program.outcome())
				.param("description", program.description())
				.param("selfEnrol", selfEnrol)
				.param("now", Timestamps.of(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("catalog.refused.organisation-already-has-program", slug);
		}
		insertLessons(program);
		outlines.changed(organisation);
		return program;
	}

	/**
	 * Changes a program's title, outcome, description, whether learners may join, and its lessons and their order;
	 * the slug stays. Learners keep their enrolments and everything they did: attempts belong to lessons, not to the
	 * program, so a lesson removed and added again comes back with their progress.
	 * @throws NotFoundException when the organisation has no such program
	 */
	@Transactional
	public Program update(OrganisationId organisation, ProgramId id, String title, String outcome,
			@Nullable String description, boolean selfEnrol, List<LessonId> lessons) {
		return update(organisation, id, null, title, outcome, description, selfEnrol, lessons);
	}

	/**
	 * Changes the program as {@link #update(OrganisationId, ProgramId, String, String, String, boolean, List)} does,
	 * only if it is still at the revision the editor read: two editors cannot overwrite each other's change.
	 * @param readRevision the revision the change was made on; null to save whatever is stored
	 * @throws StaleRevision when someone saved the program since that revision
	 */
	@Transactional
	public Program update(OrganisationId organisation, ProgramId id, @Nullable Integer readRevision, String title,
			String outcome, @Nullable String description, boolean selfEnrol, List<LessonId> lessons) {
		var current = find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
		var program = checked(organisation, id, current.slug(), title, outcome, description, selfEnrol, lessons);
		// The revision is compared in the UPDATE itself, so of two saves made from the same read only one matches.
		var saved = jdbc.sql("""
				UPDATE programs
				SET title = :title, outcome = :outcome, description = :description, self_enrol = :selfEnrol,
				    revision = revision + 1
				WHERE id = :id
				  AND organisation_id = :organisation
				  AND (CAST(:read AS int) IS NULL OR revision = CAST(:read AS int))
				""")
			.param("title", program.title())
			.param("outcome", program.outcome())
			.param("description", program.description())
			.param("selfEnrol", selfEnrol)
			.param("id", id.value())
			.param("organisation", organisation.value())
			.param("read", readRevision)
			.update();
		if (saved == 0) {
			throw new StaleRevision(revision(organisation, id));
		}
		jdbc.sql("""
				DELETE FROM program_lessons
				WHERE program_id = :id
				""")
			.param("id", id.value())
			.update();
		insertLessons(program);
		outlines.changed(organisation);
		return find(organisation, id).orElseThrow();
	}

	/**
	 * Sets the line learners read on why to take the program (null or blank: none). The objective linter's rules are
	 * not for it: it speaks to learners, in their words, and need not be measurable. Called with a change of the
	 * program's other details, in the same transaction, which counts the revision.
	 * @throws InvalidRequestException when it is longer than {@link Program#MAX_WHY} characters
	 * @throws NotFoundException when the organisation has no such program
	 */
	@Transactional
	public Program explain(OrganisationId organisation, ProgramId id, @Nullable String why) {
		var line = why == null || why.isBlank() ? null : why.strip();
		if (line != null && line.length() > Program.MAX_WHY) {
			throw new InvalidRequestException("catalog.refused.program-why-most-characters", Program.MAX_WHY,
					line.length());
		}
		var saved = jdbc.sql("""
				UPDATE programs
				SET why = :why
				WHERE id = :id
				  AND organisation_id = :organisation
				""")
			.param("why", line)
			.param("id", id.value())
			.param("organisation", organisation.value())
			.update();
		if (saved == 0) {
			throw new NotFoundException("not-found.program");
		}
		outlines.changed(organisation);
		return existing(organisation, id);
	}

	private int revision(OrganisationId organisation, ProgramId id) {
		return jdbc.sql("SELECT revision FROM programs WHERE id = :id AND organisation_id = :organisation")
			.param("id", id.value())
			.param("organisation", organisation.value())
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes a published program down: learners not enrolled no longer see it, nobody can join it or be assigned it;
	 * enrolled learners keep it and their progress. Publishing it again brings it back.
	 * @throws ConflictException when it is not published
	 */
	@Transactional
	public Program unpublish(OrganisationId organisation, ProgramId id) {
		var program = existing(organisation, id);
		if (program.status() != ContentStatus.PUBLISHED) {
			throw new ConflictException("catalog.refused.only-published-program-can-unpublished",
					program.status().code());
		}
		return lifecycle(organisation, id, "unpublished_at", true);
	}

	/**
	 * Publishes an unpublished program again.
	 * @throws ConflictException when it is not unpublished (an archived one is restored first)
	 */
	@Transactional
	public Program publish(OrganisationId organisation, ProgramId id) {
		var program = existing(organisation, id);
		if (program.status() != ContentStatus.UNPUBLISHED) {
			throw new ConflictException(program.status() == ContentStatus.ARCHIVED
					? "catalog.refused.program-archived-restore-before-publishing"
					: "catalog.refused.program-published-already");
		}
		return lifecycle(organisation, id, "unpublished_at", false);
	}

	/**
	 * Puts a program away: gone from the catalog for everyone, enrolled learners included; their records, the team's
	 * reports and credentials keep it. Restoring brings it back as it was.
	 * @throws ConflictException when it is archived already
	 */
	@Transactional
	public Program archive(OrganisationId organisation, ProgramId id) {
		if (existing(organisation, id).status() == ContentStatus.ARCHIVED) {
			throw new ConflictException("catalog.refused.program-archived-already");
		}
		return lifecycle(organisation, id, "archived_at", true);
	}

	/**
	 * Brings an archived program back as it was: published, or unpublished if it was before.
	 * @throws ConflictException when it is not archived
	 */
	@Transactional
	public Program restore(OrganisationId organisation, ProgramId id) {
		var program = existing(organisation, id);
		if (program.status() != ContentStatus.ARCHIVED) {
			throw new ConflictException("catalog.refused.only-archived-program-can-restored", program.status().code());
		}
		return lifecycle(organisation, id, "archived_at", false);
	}

	/**
	 * Deletes a program nothing names: no enrolment, achievement, delivery rule or setting of another module.
	 * @throws ContentInUse with what names it otherwise
	 */
	@Transactional
	public void delete(OrganisationId organisation, ProgramId id) {
		existing(organisation, id);
		jdbc.sql("SELECT id FROM programs WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).single();
		var named = references.orderedStream().flatMap(r -> r.of(organisation, id).stream()).toList();
		if (!named.isEmpty()) {
			throw new ContentInUse("catalog.refused.program-in-use", named);
		}
		jdbc.sql("DELETE FROM programs WHERE id = :id AND organisation_id = :organisation")
			.param("id", id.value())
			.param("organisation", organisation.value())
			.update();
		outlines.changed(organisation);
	}

	private Program existing(OrganisationId organisation, ProgramId id) {
		return find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
	}

	private Program lifecycle(OrganisationId organisation, ProgramId id, String column, boolean set) {
		jdbc.sql("UPDATE programs SET " + column + " = :at WHERE id = :id AND organisation_id = :organisation")
			.param("at", set ? Timestamps.of(clock.instant()) : null)
			.param("id", id.value())
			.param("organisation", organisation.value())
			.update();
		outlines.changed(organisation);
		return existing(organisation, id);
	}

	/** The program as it would be saved, or the rule its fields break. */
	private Program checked(OrganisationId organisation, ProgramId id, String slug, String title, String outcome,
			@Nullable String description, boolean selfEnrol, List<LessonId> lessons) {
		if (title.isBlank() || title.length() > 120 || !PlainText.Validator.isPlain(title)) {
			throw new InvalidRequestException("catalog.refused.program-needs-title-most-120-characters");
		}
		if (outcome.isBlank() || outcome.length() > 300) {
			throw new InvalidRequestException("catalog.refused.program-states-business-outcome-most-300");
		}
		if (description != null && description.length() > 2000) {
			throw new InvalidRequestException("catalog.refused.program-s-description-has-most-2000");
		}
		if (lessons.isEmpty() || lessons.size() > 100 || lessons.stream().distinct().count() != lessons.size()) {
			throw new InvalidRequestException("catalog.refused.program-has-100-lessons-each-once");
		}
		var owned = jdbc.sql("""
				SELECT COUNT(*)
				FROM lessons
				WHERE organisation_id = :organisation
				  AND id IN (:ids)
				""")
			.param("organisation", organisation.value())
			.param("ids", lessons.stream().map(LessonId::value).toList())
			.query(Long.class)
			.single();
		if (owned != lessons.size()) {
			throw new InvalidRequestException("catalog.refused.every-lesson-program-must-organisation-s");
		}
		var described = description == null || description.isBlank() ? null : description.strip();
		return new Program(id, slug, title.strip(), outcome.strip(), described, selfEnrol, lessons);
	}

	private void insertLessons(Program program) {
		var lessons = program.lessons();
		for (int i = 0; i < lessons.size(); i++) {
			jdbc.sql("""
					INSERT INTO program_lessons (program_id, position, lesson_id)
					VALUES (:program, :position, :lesson)
					""")
				.param("program", program.id().value())
				.param("position", i)
				.param("lesson", lessons.get(i).value())
				.update();
		}
	}

	/** One query, so no transaction of its own. */
	public List<Program> all(OrganisationId organisation) {
		return load(organisation, null).stream().map(ProgramOutline::program).toList();
	}

	/**
	 * Every program of the organisation with its published lessons, as learners see them: the programs of {@link #all}
	 * and, for each, what {@link Lessons#published(OrganisationId, java.util.Collection)} gives of its lessons. Kept
	 * on each node for a few seconds ({@link ProgramOutlines}); otherwise one query, without a transaction of its own.
	 */
	public List<ProgramOutline> outlines(OrganisationId organisation) {
		return outlines.of(organisation, o -> load(o, null));
	}

	private List<ProgramOutline> load(OrganisationId organisation, @Nullable ProgramId only) {
		record Row(UUID id, String slug, String title, String outcome, @Nullable String description, boolean selfEnrol,
				@Nullable UUID lesson, @Nullable LessonSummary published, ContentStatus status, int revision,
				@Nullable String why, long coverVersion, long lessonCoverVersion) {
		}
		var rows = jdbc.sql("""
				SELECT p.id, p.slug, p.title, p.outcome, p.description, p.self_enrol, pl.lesson_id,
				       v.title, v.objective, v.estimated_minutes, l.draft_version, l.published_version, v.saved_at,
				       p.unpublished_at, p.archived_at, p.revision, p.why, c.changed_at, lc.changed_at, v.why
				FROM programs p
				LEFT JOIN program_covers c ON c.program_id = p.id
				LEFT JOIN program_lessons pl ON pl.program_id = p.id
				LEFT JOIN lessons l ON l.id = pl.lesson_id AND l.organisation_id = p.organisation_id
				                   AND l.unpublished_at IS NULL AND l.archived_at IS NULL
				LEFT JOIN lesson_versions v ON v.lesson_id = l.id AND v.version = l.published_version
				LEFT JOIN lesson_covers lc ON lc.lesson_id = l.id AND lc.version = l.published_version
				WHERE p.organisation_id = :organisation
				  AND (CAST(:only AS uuid) IS NULL OR p.id = CAST(:only AS uuid))
				ORDER BY p.title, p.id, pl.position
				""")
			.param("organisation", organisation.value())
			.param("only", only == null ? null : only.value())
			.query((rs, n) -> {
				var lesson = rs.getObject(7, UUID.class);
				var title = rs.getString(8);
				var published = title == null ? null
						: new LessonSummary(new LessonId(lesson), title, rs.getString(9), rs.getInt(10),
								rs.getObject(11, Integer.class), rs.getObject(12, Integer.class),
								rs.getObject(13, OffsetDateTime.class).toInstant(), ContentStatus.PUBLISHED,
								rs.getString(20));
				return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBoolean(6), lesson, published,
						ContentStatus.of(true, rs.getObject(14) != null, rs.getObject(15) != null), rs.getInt(16),
						rs.getString(17), Covers.version(rs.getObject(18, OffsetDateTime.class)),
						Covers.version(rs.getObject(19, OffsetDateTime.class)));
			})
			.list();
		var programs = new LinkedHashMap<UUID, List<Row>>();
		rows.forEach(r -> programs.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
		return programs.values().stream().map(group -> {
			var first = group.getFirst();
			var lessons = group.stream().filter(r -> r.lesson() != null).map(r -> new LessonId(r.lesson())).toList();
			var program = new Program(new ProgramId(first.id()), first.slug(), first.title(), first.outcome(),
					first.description(), first.selfEnrol(), lessons, first.status(), first.revision(), first.why(),
					first.coverVersion());
			var lessonCovers = new HashMap<LessonId, Long>();
			group.stream()
				.filter(r -> r.published() != null && r.lessonCoverVersion() > 0)
				.forEach(r -> lessonCovers.put(r.published().id(), r.lessonCoverVersion()));
			return new ProgramOutline(program,
					group.stream().map(Row::published).filter(Objects::nonNull).toList(), lessonCovers);
		}).toList();
	}

	public Optional<Program> find(OrganisationId organisation, ProgramId id) {
		return outline(organisation, id).map(ProgramOutline::program);
	}

	/** The program with its published lessons, in one query. */
	public Optional<ProgramOutline> outline(OrganisationId organisation, ProgramId id) {
		return load(organisation, id).stream().findFirst();
	}

}
