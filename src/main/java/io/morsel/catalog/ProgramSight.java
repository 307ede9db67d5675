package io.morsel.catalog;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The programs and lessons one member may see, as {@link ProgramSights} answers it: everything the catalog's other
 * rules show (published, unpublished to those enrolled, and so on) for the organisation's own people; for a partner
 * only the programs assigned or open to them, and those programs' lessons. Anything else is to be answered as a
 * missing one (404), so that a partner learns nothing of the rest of the catalog.
 *
 * @param programs the programs seen; {@code null} when nothing is narrowed
 * @param lessons the lessons of those programs; {@code null} when nothing is narrowed
 */
public record ProgramSight(@Nullable Set<ProgramId> programs, @Nullable Set<LessonId> lessons) {

	/** What the organisation's own people see: nothing narrowed. */
	public static final ProgramSight EVERYTHING = new ProgramSight(null, null);

	public ProgramSight {
		programs = programs == null ? null : Set.copyOf(programs);
		lessons = lessons == null ? null : Set.copyOf(lessons);
	}

	/** Whether this is a partner's narrowed sight. */
	public boolean narrowed() {
		return programs != null;
	}

	public boolean sees(ProgramId program) {
		return programs == null || programs.contains(program);
	}

	public boolean sees(LessonId lesson) {
		return lessons == null || lessons.contains(lesson);
	}
}
