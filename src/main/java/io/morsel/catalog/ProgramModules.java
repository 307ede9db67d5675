package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The modules of the organisation's programs. They are kept apart from the program's lessons, which
 * {@link Programs#update} rewrites whole, so an edit of the lessons leaves the modules standing.
 */
@Service
public class ProgramModules {

	private final JdbcClient jdbc;
	private final Programs programs;

	ProgramModules(JdbcClient jdbc, Programs programs) {
		this.jdbc = jdbc;
		this.programs = programs;
	}

	/** The program's modules in the order of their first lessons; a module whose lesson left the program is not one. */
	@Transactional(readOnly = true)
	public List<ProgramModule> of(OrganisationId organisation, ProgramId id) {
		var program = programs.find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
		return inOrder(program, jdbc.sql("""
				SELECT first_lesson_id, title
				FROM program_modules
				WHERE program_id = :program
				""")
			.param("program", id.value())
			.query((rs, n) -> new ProgramModule(new LessonId(rs.getObject(1, java.util.UUID.class)), rs.getString(2)))
			.list());
	}

	/**
	 * Replaces the program's modules.
	 * @throws InvalidRequestException when a module begins at a lesson the program lacks, or two at the same one
	 */
	@Transactional
	public List<ProgramModule> replace(OrganisationId organisation, ProgramId id, List<ProgramModule> modules) {
		var program = programs.find(organisation, id).orElseThrow(() -> new NotFoundException("not-found.program"));
		var starts = new HashSet<LessonId>();
		for (var module : modules) {
			if (!program.lessons().contains(module.firstLesson())) {
				throw new InvalidRequestException("catalog.refused.module-begins-program-s-lessons");
			}
			if (!starts.add(module.firstLesson())) {
				throw new InvalidRequestException("catalog.refused.two-modules-cannot-begin-same-lesson");
			}
		}
		jdbc.sql("""
				DELETE FROM program_modules
				WHERE program_id = :program
				""")
			.param("program", id.value())
			.update();
		for (var module : modules) {
			jdbc.sql("""
					INSERT INTO program_modules (program_id, first_lesson_id, title)
					VALUES (:program, :lesson, :title)
					""")
				.param("program", id.value())
				.param("lesson", module.firstLesson().value())
				.param("title", module.title())
				.update();
		}
		return inOrder(program, modules);
	}

	private static List<ProgramModule> inOrder(Program program, List<ProgramModule> modules) {
		return modules.stream()
			.filter(m -> program.lessons().contains(m.firstLesson()))
			.sorted(Comparator.comparingInt(m -> program.lessons().indexOf(m.firstLesson())))
			.toList();
	}
}
