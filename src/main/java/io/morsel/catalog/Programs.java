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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

	Programs(JdbcClient jdbc, Clock clock, ProgramOutlines outlines) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outlines = outlines;
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
			throw new ConflictException("The organisation already has a program '" + slug + "'");
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
		var current = find(organisation, id).orElseThrow(() -> new NotFoundException("Program"));
		var program = checked(organisation, id, current.slug(), title, outcome, description, selfEnrol, lessons);
		jdbc.sql("""
				UPDATE programs
				SET title = :title, outcome = :outcome, description = :description, self_enrol = :selfEnrol
				WHERE id = :id
				  AND organisation_id = :organisation
				""")
			.param("title", program.title())
			.param("outcome", program.outcome())
			.param("description", program.description())
			.param("selfEnrol", selfEnrol)
			.param("id", id.value())
			.param("organisation", organisation.value())
			.update();
		jdbc.sql("""
				DELETE FROM program_lessons
				WHERE program_id = :id
				""")
			.param("id", id.value())
			.update();
		insertLessons(program);
		outlines.changed(organisation);
		return program;
	}

	/** The program as it would be saved, or the rule its fields break. */
	private Program checked(OrganisationId organisation, ProgramId id, String slug, String title, String outcome,
			@Nullable String description, boolean selfEnrol, List<LessonId> lessons) {
		if (title.isBlank() || title.length() > 120 || !PlainText.Validator.isPlain(title)) {
			throw new InvalidRequestException("A program needs a title of at most 120 characters, in plain text");
		}
		if (outcome.isBlank() || outcome.length() > 300) {
			throw new InvalidRequestException("A program states its business outcome in at most 300 characters");
		}
		if (description != null && description.length() > 2000) {
			throw new InvalidRequestException("A program's description has at most 2000 characters");
		}
		if (lessons.isEmpty() || lessons.size() > 100 || lessons.stream().distinct().count() != lessons.size()) {
			throw new InvalidRequestException("A program has one to 100 lessons, each once");
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
			throw new InvalidRequestException("Every lesson of a program must be one of the organisation's lessons");
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
				@Nullable UUID lesson, @Nullable LessonSummary published) {
		}
		var rows = jdbc.sql("""
				SELECT p.id, p.slug, p.title, p.outcome, p.description, p.self_enrol, pl.lesson_id,
				       v.title, v.objective, v.estimated_minutes, l.draft_version, l.published_version, v.saved_at
				FROM programs p
				LEFT JOIN program_lessons pl ON pl.program_id = p.id
				LEFT JOIN lessons l ON l.id = pl.lesson_id AND l.organisation_id = p.organisation_id
				LEFT JOIN lesson_versions v ON v.lesson_id = l.id AND v.version = l.published_version
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
								rs.getObject(13, OffsetDateTime.class).toInstant());
				return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBoolean(6), lesson, published);
			})
			.list();
		var programs = new LinkedHashMap<UUID, List<Row>>();
		rows.forEach(r -> programs.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
		return programs.values().stream().map(group -> {
			var first = group.getFirst();
			var lessons = group.stream().filter(r -> r.lesson() != null).map(r -> new LessonId(r.lesson())).toList();
			var program = new Program(new ProgramId(first.id()), first.slug(), first.title(), first.outcome(),
					first.description(), first.selfEnrol(), lessons);
			return new ProgramOutline(program,
					group.stream().map(Row::published).filter(Objects::nonNull).toList());
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
