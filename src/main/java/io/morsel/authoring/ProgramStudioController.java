package io.morsel.authoring;

import io.morsel.catalog.ContentInUse;
import io.morsel.catalog.ContentStatus;
import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramModule;
import io.morsel.catalog.StaleRevision;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.InvalidValueException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author's programs in the studio: the list, a new program, and the program editor (details, lessons added,
 * moved and removed). As in the lesson editor, every edit is a plain form post that comes back to the editor; with
 * htmx only the editor is swapped. A refused edit shows why, keeps what the author typed, and saves nothing.
 */
@Controller
class ProgramStudioController {

	private static final String LIST = "authoring/programs";
	private static final String EDITOR = "authoring/program";

	private final Lessons lessons;
	private final ProgramWorkbench workbench;
	private final Workbench lessonWorkbench;
	private final ObjectiveLinter linter;
	private final Covers covers;

	ProgramStudioController(Lessons lessons, ProgramWorkbench workbench, Workbench lessonWorkbench,
			ObjectiveLinter linter, Covers covers) {
		this.covers = covers;
		this.lessons = lessons;
		this.workbench = workbench;
		this.lessonWorkbench = lessonWorkbench;
		this.linter = linter;
	}

	@GetMapping("/studio/programs")
	String list(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("programs", workbench.all(me));
		model.addAttribute("lessons", lessons.all(me.organisationId())
			.stream()
			.filter(l -> l.status() != ContentStatus.ARCHIVED)
			.toList());
		model.addAttribute("form", ProgramDetails.empty());
		return LIST;
	}

	@PostMapping("/studio/programs")
	String create(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) @Nullable String slug,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(defaultValue = "false") boolean selfEnrol, @RequestParam(required = false) @Nullable UUID lesson,
			@RequestParam(required = false) @Nullable String why, Model model) {
		var form = new ProgramDetails(title, outcome, description, selfEnrol, why);
		try {
			if (lesson == null) {
				throw new InvalidRequestException("authoring.refused.choose-program-s-first-lesson");
			}
			return "redirect:/studio/programs/" + workbench.create(me, slug, form, List.of(new LessonId(lesson))).id();
		}
		catch (InvalidRequestException | ConflictException refused) {
			list(me, model);
			model.addAttribute("form", form);
			model.addAttribute("slug", slug);
			model.addAttribute("chosen", lesson);
			model.addAttribute("error", refused.getMessage());
			return LIST;
		}
	}

	@GetMapping("/studio/programs/{id}")
	String editor(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		var program = workbench.program(me, new ProgramId(id));
		return show(me, program, ProgramDetails.of(program), model);
	}

	@PostMapping("/studio/programs/{id}/details")
	String details(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(defaultValue = "false") boolean selfEnrol,
			@RequestParam(required = false) @Nullable Integer revision, @RequestParam(required = false) @Nullable String why,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		var form = new ProgramDetails(title, outcome, description, selfEnrol, why);
		return edit(new Edit(me, id, htmx, form, "studio.programs.saved", p -> null), model, redirect,
				() -> workbench.details(me, new ProgramId(id), revision, form));
	}

	/**
	 * Replaces the program's cover with the uploaded image. A refused image is said beside the file field, and nothing
	 * is stored.
	 */
	@PostMapping("/studio/programs/{id}/cover")
	String replaceCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable MultipartFile cover, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			workbench.replaceCover(me, new ProgramId(id), CoverUploads.read(cover));
		}
		catch (InvalidValueException refused) {
			var program = workbench.program(me, new ProgramId(id));
			show(me, program, ProgramDetails.of(program), model);
			model.addAttribute("coverError", refused.getMessage());
			return EDITOR;
		}
		redirect.addFlashAttribute("flash", "studio.programs.cover-saved");
		return "redirect:/studio/programs/" + id + "#cover-heading";
	}

	@PostMapping("/studio/programs/{id}/cover/removal")
	String removeCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		workbench.removeCover(me, new ProgramId(id));
		redirect.addFlashAttribute("flash", "studio.programs.cover-removed");
		return "redirect:/studio/programs/" + id + "#cover-heading";
	}

	@PostMapping("/studio/programs/{id}/unpublish")
	String unpublish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.unpublished-saved", p -> null), model, redirect,
				() -> workbench.unpublish(me, new ProgramId(id)));
	}

	@PostMapping("/studio/programs/{id}/publish")
	String publish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.published", p -> null), model, redirect,
				() -> workbench.publish(me, new ProgramId(id)));
	}

	@PostMapping("/studio/programs/{id}/archive")
	String archive(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.archived", p -> null), model, redirect,
				() -> workbench.archive(me, new ProgramId(id)));
	}

	@PostMapping("/studio/programs/{id}/restore")
	String restore(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.restored", p -> null), model, redirect,
				() -> workbench.restore(me, new ProgramId(id)));
	}

	/** Deletes a program nothing names; otherwise its editor says what names it. */
	@PostMapping("/studio/programs/{id}/delete")
	String deleteProgram(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model,
			RedirectAttributes redirect) {
		try {
			workbench.delete(me, new ProgramId(id));
		}
		catch (ContentInUse refused) {
			var program = workbench.program(me, new ProgramId(id));
			show(me, program, ProgramDetails.of(program), model);
			model.addAttribute("error", refused.getMessage());
			return EDITOR;
		}
		redirect.addFlashAttribute("flash", "studio.programs.deleted");
		return "redirect:/studio/programs";
	}

	@PostMapping("/studio/programs/{id}/lessons")
	String add(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable UUID lesson,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.lesson-added", p -> null), model, redirect, () -> {
			if (lesson == null) {
				throw new InvalidRequestException("authoring.refused.choose-lesson-add");
			}
			return workbench.add(me, new ProgramId(id), new LessonId(lesson));
		});
	}

	@PostMapping("/studio/programs/{id}/lessons/{lesson}/move")
	String move(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable UUID lesson,
			@RequestParam String direction, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect) {
		var up = "up".equals(direction);
		var moved = new LessonId(lesson);
		return edit(new Edit(me, id, htmx, null, "studio.programs.lesson-moved", p -> focusAfterMove(p, moved, up)),
				model, redirect, () -> workbench.move(me, new ProgramId(id), moved, up ? -1 : 1));
	}

	@PostMapping("/studio/programs/{id}/lessons/{lesson}/remove")
	String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable UUID lesson,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.lesson-removed", p -> "lessons-heading"), model,
				redirect, () -> workbench.remove(me, new ProgramId(id), new LessonId(lesson)));
	}

	/** Starts a module at the lesson, or renames the one that starts there. */
	@PostMapping("/studio/programs/{id}/modules")
	String startModule(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable UUID lesson, @RequestParam(defaultValue = "") String title,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.module-saved",
				p -> lesson == null ? null : "lesson-" + lesson), model, redirect, () -> {
					if (lesson == null) {
						throw new InvalidRequestException("authoring.refused.choose-lesson-module-starts");
					}
					workbench.startModule(me, new ProgramId(id), new LessonId(lesson), title);
					return workbench.program(me, new ProgramId(id));
				});
	}

	@PostMapping("/studio/programs/{id}/modules/{lesson}/end")
	String endModule(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable UUID lesson,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.module-ended", p -> "lesson-" + lesson), model,
				redirect, () -> {
					workbench.endModule(me, new ProgramId(id), new LessonId(lesson));
					return workbench.program(me, new ProgramId(id));
				});
	}

	/** The overwhelm guard's suggestion taken as it stands: each module titled after its first lesson, to rename. */
	@PostMapping("/studio/programs/{id}/modules/suggested")
	String groupAsSuggested(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(new Edit(me, id, htmx, null, "studio.programs.modules-grouped", p -> "lessons-heading"), model,
				redirect, () -> {
					var warning = workbench.overwhelm(me, new ProgramId(id))
						.orElseThrow(() -> new InvalidRequestException("authoring.refused.program-needs-no-modules-yet"));
					workbench.replaceModules(me, new ProgramId(id), warning.suggestion()
						.stream()
						.map(m -> new ProgramModule(m.firstLesson(), m.firstTitle()))
						.toList());
					return workbench.program(me, new ProgramId(id));
				});
	}

	/**
	 * One edit in the editor: who, which program, whether htmx sent it, what the author typed (kept when refused), the
	 * message that says it was saved, and the element the keyboard goes to afterwards (else htmx keeps the focused
	 * element by its id).
	 */
	private record Edit(CurrentMember me, UUID id, @Nullable String htmx, @Nullable ProgramDetails typed, String saved,
			Function<Program, @Nullable String> focus) {
	}

	/**
	 * Applies an edit and answers with the editor: its fragment for htmx, a redirect to the page otherwise (to the
	 * element to focus, where the browser scrolls and the next Tab starts).
	 */
	private String edit(Edit edit, Model model, RedirectAttributes redirect, Supplier<Program> change) {
		Program program;
		String error = null;
		try {
			program = change.get();
		}
		catch (InvalidRequestException | ConflictException | StaleRevision refused) {
			error = refused.getMessage();
			program = workbench.program(edit.me(), new ProgramId(edit.id()));
		}
		if (error == null && edit.htmx() == null) {
			redirect.addFlashAttribute("flash", edit.saved());
			var focus = edit.focus().apply(program);
			return "redirect:/studio/programs/" + edit.id() + (focus == null ? "" : "#" + focus);
		}
		show(edit.me(), program, error != null && edit.typed() != null ? edit.typed() : ProgramDetails.of(program), model);
		model.addAttribute("error", error);
		if (error == null) {
			model.addAttribute("saved", edit.saved());
			model.addAttribute("focus", edit.focus().apply(program));
		}
		return edit.htmx() != null ? EDITOR + " :: editor" : EDITOR;
	}

	/** The moved lesson's button in the same direction, or the other one once the lesson reached that end. */
	private static String focusAfterMove(Program program, LessonId moved, boolean up) {
		var index = program.lessons().indexOf(moved);
		var last = program.lessons().size() - 1;
		if (last == 0) {
			return "add-lesson";
		}
		var atEnd = up ? index == 0 : index == last;
		return (up != atEnd ? "up-" : "down-") + moved;
	}

	private String show(CurrentMember me, Program program, ProgramDetails form, Model model) {
		var all = lessons.all(me.organisationId());
		var byId = all.stream().collect(Collectors.toMap(LessonSummary::id, Function.identity()));
		List<LessonSummary> inOrder = program.lessons().stream().filter(byId::containsKey).map(byId::get).toList();
		model.addAttribute("program", program);
		model.addAttribute("cover", covers.path(me.organisationId(), program));
		model.addAttribute("form", form);
		model.addAttribute("lessons", inOrder);
		model.addAttribute("available", all.stream()
			.filter(l -> l.status() != ContentStatus.ARCHIVED && !program.lessons().contains(l.id()))
			.toList());
		// The outcome is read by the lessons' objective linter: a business outcome is measurable for the same reasons.
		// Each lesson as the author will publish it: its latest version, estimated from what it holds.
		model.addAttribute("totalMinutes", (inOrder.stream()
			.mapToInt(lesson -> lessonWorkbench.estimate(me, lessonWorkbench.latest(me, lesson.id()).content()).seconds())
			.sum() + 59) / 60);
		var modules = workbench.modules(me, program.id());
		model.addAttribute("modules", modules.stream()
			.collect(Collectors.toMap(ProgramModule::firstLesson, ProgramModule::title)));
		model.addAttribute("overwhelm", workbench.overwhelm(me, program.id()).orElse(null));
		model.addAttribute("outcomeCheck", form.outcome().isBlank() ? null : linter.check(form.outcome(), null));
		return EDITOR;
	}
}
