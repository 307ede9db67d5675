package io.morsel.authoring;

import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramModule;
import io.morsel.catalog.ProgramModules;
import io.morsel.catalog.ProgramSlug;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The author's programs: created, and changed as a whole (the API) or one edit at a time (the studio), each saved at
 * once. Both doors come here, so both check the author's role, make and check slugs, and refuse bad details by the
 * same rules. Lessons are named by id, not by position, so a page opened before a colleague's change still moves or
 * removes the lesson it shows. A refused edit leaves the program as it was. A program's lessons can be grouped into
 * titled modules, each starting at one of its lessons; a program of more lessons than the organisation allows without
 * modules gets the overwhelm guard's {@link OverwhelmWarning}.
 */
@Service
public class ProgramWorkbench {

	private final Programs programs;
	private final ProgramModules modules;
	private final Lessons lessons;
	private final AuthoringSettings settings;
	private final Covers covers;

	ProgramWorkbench(Programs programs, ProgramModules modules, Lessons lessons, AuthoringSettings settings,
			Covers covers) {
		this.covers = covers;
		this.programs = programs;
		this.modules = modules;
		this.lessons = lessons;
		this.settings = settings;
	}

	/**
	 * Creates a program of the organisation's lessons, in order. Its slug is the one given, checked by
	 * {@link ProgramSlug}'s rule, or, when none is given, made from the title and numbered when the organisation
	 * already has it ("get-started-2").
	 */
	@Transactional
	public Program create(CurrentMember author, @Nullable String slug, ProgramDetails details, List<LessonId> lessons) {
		AuthorRole.required(author);
		var chosen = slug == null || slug.isBlank() ? freeSlug(author, details.title()) : new ProgramSlug(slug.strip());
		var created = programs.create(author.organisationId(), chosen.value(), details.title(), details.outcome(),
				details.description(), details.selfEnrol(), lessons);
		return details.why() == null || details.why().isBlank() ? created
				: programs.explain(author.organisationId(), created.id(), details.why());
	}

	/** Replaces the program's details and its lessons, in order; the slug stays. */
	@Transactional
	public Program change(CurrentMember author, ProgramId id, ProgramDetails details, List<LessonId> lessons) {
		return change(author, id, null, details, lessons);
	}

	/**
	 * Replaces the program's details and its lessons, if it is still at the revision the author read.
	 * @throws io.morsel.catalog.StaleRevision when someone saved it since
	 */
	@Transactional
	public Program change(CurrentMember author, ProgramId id, @Nullable Integer readRevision, ProgramDetails details,
			List<LessonId> lessons) {
		program(author, id);
		programs.update(author.organisationId(), id, readRevision, details.title(), details.outcome(),
				details.description(), details.selfEnrol(), lessons);
		return programs.explain(author.organisationId(), id, details.why());
	}

	/** Newcomers no longer see it and nobody can join it or be assigned it; enrolled learners keep it. */
	@Transactional
	public Program unpublish(CurrentMember author, ProgramId id) {
		return programs.unpublish(AuthorRole.required(author).organisationId(), id);
	}

	/** An unpublished program, offered again. */
	@Transactional
	public Program publish(CurrentMember author, ProgramId id) {
		return programs.publish(AuthorRole.required(author).organisationId(), id);
	}

	/** Gone from every learner's catalog; records, reports and credentials keep it. */
	@Transactional
	public Program archive(CurrentMember author, ProgramId id) {
		return programs.archive(AuthorRole.required(author).organisationId(), id);
	}

	@Transactional
	public Program restore(CurrentMember author, ProgramId id) {
		return programs.restore(AuthorRole.required(author).organisationId(), id);
	}

	/** Deletes a program nothing names (no enrolment, achievement, delivery rule); else refused with what does. */
	@Transactional
	public void delete(CurrentMember author, ProgramId id) {
		programs.delete(AuthorRole.required(author).organisationId(), id);
	}

	/** Replaces the program's details and keeps its lessons. */
	@Transactional
	public Program details(CurrentMember author, ProgramId id, ProgramDetails details) {
		return details(author, id, null, details);
	}

	/**
	 * Replaces the program's details and keeps its lessons, if nobody saved it since the author read it at
	 * {@code readRevision} (null: whatever is stored).
	 * @throws io.morsel.catalog.StaleRevision when someone did
	 */
	@Transactional
	public Program details(CurrentMember author, ProgramId id, @Nullable Integer readRevision, ProgramDetails details) {
		var lessons = program(author, id).lessons();
		programs.update(author.organisationId(), id, readRevision, details.title(), details.outcome(),
				details.description(), details.selfEnrol(), lessons);
		return programs.explain(author.organisationId(), id, details.why());
	}

	/**
	 * Replaces the program's cover with an uploaded image (a PNG, JPEG, WebP or inert SVG of at most
	 * {@link Covers#MAX_BYTES}); a refused one changes nothing.
	 * @throws io.morsel.shared.InvalidValueException when the image is refused
	 */
	@Transactional
	public Program replaceCover(CurrentMember author, ProgramId id, byte[] image) {
		return covers.replace(AuthorRole.required(author).organisationId(), id, image);
	}

	/** Removes the program's uploaded cover: learners see the pattern in the organisation's colours again. */
	@Transactional
	public Program removeCover(CurrentMember author, ProgramId id) {
		return covers.remove(AuthorRole.required(author).organisationId(), id);
	}

	@Transactional
	public Program add(CurrentMember author, ProgramId id, LessonId lesson) {
		return editLessons(author, id, lessons -> {
			if (lessons.contains(lesson)) {
				throw new InvalidRequestException("authoring.refused.lesson-already-program");
			}
			lessons.add(lesson);
		});
	}

	/** Moves a lesson one place up ({@code -1}) or down ({@code +1}); at either end nothing moves. */
	@Transactional
	public Program move(CurrentMember author, ProgramId id, LessonId lesson, int direction) {
		return editLessons(author, id, lessons -> {
			var index = indexOf(lessons, lesson);
			var target = index + Integer.signum(direction);
			if (target >= 0 && target < lessons.size()) {
				lessons.add(target, lessons.remove(index));
			}
		});
	}

	/**
	 * Removes a lesson; a module that started at it starts at the next lesson instead, unless that one starts a module
	 * of its own or the lesson was the last.
	 */
	@Transactional
	public Program remove(CurrentMember author, ProgramId id, LessonId lesson) {
		var before = program(author, id).lessons();
		var grouped = modules(author, id);
		var program = editLessons(author, id, lessons -> {
			lessons.remove(indexOf(lessons, lesson));
			if (lessons.isEmpty()) {
				throw new InvalidRequestException("authoring.refused.program-keeps-least-lesson-add-next");
			}
		});
		var next = before.indexOf(lesson) + 1 < before.size() ? before.get(before.indexOf(lesson) + 1) : null;
		var starts = grouped.stream().map(ProgramModule::firstLesson).toList();
		var kept = new ArrayList<ProgramModule>();
		for (var module : grouped) {
			if (!module.firstLesson().equals(lesson)) {
				kept.add(module);
			}
			else if (next != null && !starts.contains(next)) {
				kept.add(new ProgramModule(next, module.title()));
			}
		}
		if (starts.contains(lesson)) {
			modules.replace(author.organisationId(), id, kept);
		}
		return program;
	}

	/** The program's modules, in the order of their first lessons. */
	@Transactional(readOnly = true)
	public List<ProgramModule> modules(CurrentMember author, ProgramId id) {
		return modules.of(AuthorRole.required(author).organisationId(), id);
	}

	/** Replaces the program's modules: each starts at one of its lessons, two never at the same one. */
	@Transactional
	public List<ProgramModule> replaceModules(CurrentMember author, ProgramId id, List<ProgramModule> changed) {
		return modules.replace(AuthorRole.required(author).organisationId(), id, changed);
	}

	/** Starts a module at the lesson, or renames the module that starts there. */
	@Transactional
	public List<ProgramModule> startModule(CurrentMember author, ProgramId id, LessonId lesson, String title) {
		var changed = new ArrayList<>(modules(author, id));
		changed.removeIf(module -> module.firstLesson().equals(lesson));
		changed.add(new ProgramModule(lesson, title));
		return replaceModules(author, id, changed);
	}

	/** Ends the module that starts at the lesson: its lessons join the module before it. */
	@Transactional
	public List<ProgramModule> endModule(CurrentMember author, ProgramId id, LessonId lesson) {
		var changed = new ArrayList<>(modules(author, id));
		if (!changed.removeIf(module -> module.firstLesson().equals(lesson))) {
			throw new InvalidRequestException("authoring.refused.no-module-starts-lesson-any-more");
		}
		return replaceModules(author, id, changed);
	}

	/**
	 * The overwhelm guard: a program of more lessons than the organisation allows without modules, and none, is
	 * warned about, with where its lessons could be grouped (see {@link ProgramGrouping}). Empty otherwise.
	 */
	@Transactional(readOnly = true)
	public Optional<OverwhelmWarning> overwhelm(CurrentMember author, ProgramId id) {
		var program = program(author, id);
		var limit = settings.policy(author.organisationId()).programLessonsBeforeModules();
		if (program.lessons().size() <= limit || !modules(author, id).isEmpty()) {
			return Optional.empty();
		}
		Map<LessonId, LessonSummary> byId = lessons.all(author.organisationId())
			.stream()
			.collect(Collectors.toMap(LessonSummary::id, Function.identity()));
		var inOrder = program.lessons().stream().map(byId::get).toList();
		var starts = ProgramGrouping.starts(inOrder.stream().map(l -> l.title() + ". " + l.objective()).toList());
		var suggestion = new ArrayList<OverwhelmWarning.SuggestedModule>();
		for (var i = 0; i < starts.size(); i++) {
			var start = starts.get(i);
			var end = i + 1 < starts.size() ? starts.get(i + 1) : inOrder.size();
			var first = inOrder.get(start);
			suggestion.add(new OverwhelmWarning.SuggestedModule(first.id(), start + 1, end - start, first.title()));
		}
		return Optional.of(new OverwhelmWarning(program.lessons().size(), limit, suggestion));
	}

	/** Every program of the author's organisation, by title. */
	@Transactional(readOnly = true)
	public List<Program> all(CurrentMember author) {
		return programs.all(AuthorRole.required(author).organisationId());
	}

	@Transactional(readOnly = true)
	public Program program(CurrentMember author, ProgramId id) {
		return programs.find(AuthorRole.required(author).organisationId(), id)
			.orElseThrow(() -> new NotFoundException("not-found.program"));
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
			throw new InvalidRequestException("authoring.refused.lesson-no-longer-program");
		}
		return index;
	}

	/** The title's slug, with -2, -3… when the organisation already has it. */
	private ProgramSlug freeSlug(CurrentMember author, String title) {
		var taken = programs.all(author.organisationId()).stream().map(Program::slug).collect(Collectors.toSet());
		var base = ProgramSlug.fromTitle(title);
		var slug = base;
		for (var n = 2; taken.contains(slug.value()); n++) {
			slug = base.numbered(n);
		}
		return slug;
	}
}
