package io.morsel.authoring;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The author's edits to a program, each applied to the program as it is now and saved at once. Lessons are named by
 * id, not by position, so a page opened before a colleague's change still moves or removes the lesson it shows. A
 * refused edit leaves the program as it was.
 */
@Service
class ProgramWorkbench {

	private final Programs programs;

	ProgramWorkbench(Programs programs) {
		this.programs = programs;
	}

	/** Creates a program with its first lesson; its slug comes from the title, made unique in the organisation. */
	@Transactional
	Program create(CurrentMember author, ProgramForm form, LessonId firstLesson) {
		return programs.create(author.organisationId(), freeSlug(author, form.title()), form.title(), form.outcome(),
				form.description(), form.selfEnrol(), List.of(firstLesson));
	}

	@Transactional
	Program details(CurrentMember author, ProgramId id, ProgramForm form) {
		var program = program(author, id);
		return programs.update(author.organisationId(), id, form.title(), form.outcome(), form.description(),
				form.selfEnrol(), program.lessons());
	}

	@Transactional
	Program add(CurrentMember author, ProgramId id, LessonId lesson) {
		return editLessons(author, id, lessons -> {
			if (lessons.contains(lesson)) {
				throw new InvalidRequestException("This lesson is already in the program");
			}
			lessons.add(lesson);
		});
	}

	/** Moves a lesson one place up ({@code -1}) or down ({@code +1}); at either end nothing moves. */
	@Transactional
	Program move(CurrentMember author, ProgramId id, LessonId lesson, int direction) {
		return editLessons(author, id, lessons -> {
			var index = indexOf(lessons, lesson);
			var target = index + Integer.signum(direction);
			if (target >= 0 && target < lessons.size()) {
				lessons.add(target, lessons.remove(index));
			}
		});
	}

	@Transactional
	Program remove(CurrentMember author, ProgramId id, LessonId lesson) {
		return editLessons(author, id, lessons -> {
			lessons.remove(indexOf(lessons, lesson));
			if (lessons.isEmpty()) {
				throw new InvalidRequestException(
						"A program keeps at least one lesson: add the next one before removing the last");
			}
		});
	}

	@Transactional(readOnly = true)
	Program program(CurrentMember author, ProgramId id) {
		return programs.find(author.organisationId(), id).orElseThrow(() -> new NotFoundException("Program"));
	}

	private Program editLessons(CurrentMember author, ProgramId id, Consumer<List<LessonId>> change) {
		var program = program(author, id);
		var lessons = new ArrayList<>(program.lessons());
		change.accept(lessons);
		return programs.update(author.organisationId(), id, program.title(), program.outcome(), program.description(),
				program.selfEnrol(), lessons);
	}

	private static int indexOf(List<LessonId> lessons, LessonId lesson) {
		var index = lessons.indexOf(lesson);
		if (index < 0) {
			throw new InvalidRequestException("This lesson is no longer in the program");
		}
		return index;
	}

	/** The title as a slug ("Get started!" → get-started), with -2, -3… when the organisation already has it. */
	private String freeSlug(CurrentMember author, String title) {
		var taken = programs.all(author.organisationId()).stream().map(Program::slug).collect(Collectors.toSet());
		var base = slugOf(title);
		var slug = base;
		for (var n = 2; taken.contains(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	static String slugOf(String title) {
		var slug = Normalizer.normalize(title, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		if (slug.length() > 50) {
			slug = slug.substring(0, 50).replaceAll("-$", "");
		}
		return slug.isEmpty() ? "program" : slug;
	}
}
