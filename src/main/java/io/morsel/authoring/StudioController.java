package io.morsel.authoring;

import io.morsel.catalog.ContentInUse;
import io.morsel.catalog.ContentStatus;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.MediaLibrary;
import io.morsel.catalog.NewSkill;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.InvalidValueException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The author's studio: the lessons, new and imported ones, and the editor. Every edit is a plain form post that
 * comes back to the editor; with htmx only the editor is swapped, without a page load. A refused edit shows why and
 * keeps the draft as it was.
 */
@Controller
class StudioController {

	private static final String STUDIO = "authoring/studio";
	private static final String EDITOR = "authoring/editor";

	private final Lessons lessons;
	private final Skills skills;
	private final Workbench workbench;
	private final ProgramWorkbench programs;
	private final ObjectiveLinter linter;
	private final MediaLibrary media;
	private final JsonMapper json;
	private final int importLimit;

	StudioController(Lessons lessons, Skills skills, Workbench workbench, ProgramWorkbench programs,
			ObjectiveLinter linter, MediaLibrary media, JsonMapper json,
			@Value("${morsel.studio.import-max-size:1MB}") DataSize importLimit) {
		this.programs = programs;
		this.importLimit = Math.toIntExact(importLimit.toBytes());
		this.lessons = lessons;
		this.skills = skills;
		this.workbench = workbench;
		this.linter = linter;
		this.media = media;
		this.json = json;
	}

	/** The lessons, searched, filtered and sorted by a plain GET form; an unknown state, order or skill is a 400. */
	@GetMapping("/studio")
	String studio(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable UUID program, @RequestParam(required = false) @Nullable UUID skill,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			Model model) {
		var organisationSkills = skills.of(me.organisationId());
		if (skill != null && organisationSkills.stream().noneMatch(s -> s.id().value().equals(skill))) {
			throw new InvalidValueException("authoring.refused.unknown-skill-choose-organisation-s-skills");
		}
		var filter = new LessonFilter(q, program == null ? null : programs.program(me, new ProgramId(program)).lessons(),
				skill == null ? null : new SkillId(skill), LessonFilter.status(status), LessonFilter.sort(sort));
		var all = lessons.all(me.organisationId());
		// Archived lessons leave the working list; the studio lists them apart, to restore.
		var working = all.stream().filter(l -> l.status() != ContentStatus.ARCHIVED).toList();
		model.addAttribute("lessons", filter.select(working, lessons.latestSkills(me.organisationId())));
		model.addAttribute("lessonCount", working.size());
		model.addAttribute("archived", all.stream().filter(l -> l.status() == ContentStatus.ARCHIVED).toList());
		model.addAttribute("filter", filter);
		model.addAttribute("q", q);
		model.addAttribute("chosenProgram", program);
		model.addAttribute("chosenSkill", skill);
		model.addAttribute("programs", programs.all(me));
		model.addAttribute("skills", organisationSkills);
		model.addAttribute("templates", LessonTemplate.values());
		model.addAttribute("statuses", LessonFilter.Status.values());
		model.addAttribute("sorts", LessonFilter.Sort.values());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", NewLesson.EMPTY);
		}
		return STUDIO;
	}

	private String studio(CurrentMember me, Model model) {
		return studio(me, "", null, null, null, null, model);
	}

	@PostMapping("/studio/lessons")
	String create(@AuthenticationPrincipal CurrentMember me, @RequestParam String title, @RequestParam String objective,
			@RequestParam(defaultValue = "5") int minutes, @RequestParam(defaultValue = "blank") String template,
			@RequestParam(required = false) @Nullable String text, Model model) {
		try {
			return "redirect:/studio/lessons/"
					+ workbench.create(me, title, objective, minutes, LessonTemplate.of(template), text).lessonId();
		}
		catch (InvalidValueException refused) {
			model.addAttribute("error", refused.getMessage());
			model.addAttribute("typed", new NewLesson(title, objective, minutes, template, text));
			return studio(me, model);
		}
	}

	/** What the author typed into the new-lesson form, shown again when it is refused. */
	record NewLesson(String title, String objective, int minutes, String template, @Nullable String text) {

		static final NewLesson EMPTY = new NewLesson("", "", 5, "blank", "");
	}

	/** A new draft lesson with this one's latest content; the editor opens on the copy. */
	@PostMapping("/studio/lessons/{id}/duplicate")
	String duplicate(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		var copy = workbench.duplicate(me, new LessonId(id));
		redirect.addFlashAttribute("flash", "studio.duplicated");
		return "redirect:/studio/lessons/" + copy.lessonId();
	}

	@PostMapping("/studio/lessons/{id}/blocks/{index}/duplicate")
	String duplicateBlock(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable int index,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> workbench.duplicateBlock(me, new LessonId(id), index));
	}

	/** Reads at most the limit (and one byte more, to tell), never the whole upload the multipart limits allow. */
	@PostMapping(path = "/studio/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importLesson(@AuthenticationPrincipal CurrentMember me, @RequestParam("file") MultipartFile file, Model model)
			throws IOException {
		try (var in = file.getInputStream()) {
			var lessonJson = in.readNBytes(importLimit + 1);
			if (file.getSize() > importLimit || lessonJson.length > importLimit) {
				throw new InvalidValueException("authoring.refused.lesson-file-most-larger-export-lesson",
						megabytes(importLimit));
			}
			var lesson = workbench.importLesson(me, new String(lessonJson, StandardCharsets.UTF_8));
			return "redirect:/studio/lessons/" + lesson.lessonId();
		}
		catch (InvalidValueException | InvalidRequestException refused) {
			model.addAttribute("error", refused.getMessage());
			return studio(me, model);
		}
	}

	@PostMapping("/studio/skills")
	String addSkill(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute NewSkill skill, BindingResult refused,
			Model model, RedirectAttributes redirect) {
		if (refused.hasErrors()) {
			model.addAttribute("error", refused.getFieldErrors()
				.stream()
				.map(field -> field.getField() + ": " + field.getDefaultMessage())
				.collect(Collectors.joining("; ")));
			return studio(me, model);
		}
		try {
			skills.add(me.organisationId(), skill.name(), blankToNull(skill.description()),
					blankToNull(skill.frameworkCode()));
		}
		catch (InvalidValueException | ConflictException rule) {
			model.addAttribute("error", rule.getMessage());
			return studio(me, model);
		}
		redirect.addFlashAttribute("flash", "studio.skill.added");
		return "redirect:/studio";
	}

	@GetMapping("/studio/lessons/{id}")
	String editor(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model) {
		return show(me, workbench.latest(me, new LessonId(id)), model, null);
	}

	/**
	 * The findings of an objective (or of a program's outcome) as the author types, in the element {@code lint} names
	 * (htmx, from the field); nothing is saved. Without JavaScript the same findings come with the page after saving.
	 */
	@PostMapping("/studio/objectives/check")
	String checkObjective(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) @Nullable String objective,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(defaultValue = "objective-lint") String lint, Model model) {
		if (!lint.matches("[a-z][a-z0-9-]{0,40}")) {
			throw new InvalidValueException("authoring.refused.element-show-findings-named-lower-case");
		}
		model.addAttribute("lintId", lint);
		model.addAttribute("lintError", null);
		try {
			model.addAttribute("lintCheck", workbench.checkObjective(me, objective != null ? objective : outcome, null));
		}
		catch (InvalidValueException refused) {
			model.addAttribute("lintCheck", null);
			model.addAttribute("lintError", refused.getMessage());
		}
		return "authoring/lint :: findings";
	}

	@PostMapping("/studio/lessons/{id}/details")
	String details(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @RequestParam String title,
			@RequestParam String objective, @RequestParam(defaultValue = "0") int minutes,
			@RequestParam(name = "skills", required = false) @Nullable List<String> chosen,
			@RequestParam(required = false) @Nullable String why,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		var skills = chosen == null ? List.<String>of() : chosen;
		// A form of an older page, without the field, keeps the line the lesson has.
		return edit(me, id, htmx, model, redirect, () -> why == null
				? workbench.details(me, new LessonId(id), title, objective, minutes, skills)
				: workbench.details(me, new LessonId(id), title, objective, minutes, skills, why));
	}

	@PostMapping("/studio/lessons/{id}/blocks")
	String addBlock(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @ModelAttribute BlockForm form,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String section,
			@RequestParam(required = false) @Nullable String change,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		var draft = draft(section, form);
		var action = "/studio/lessons/" + id + "/blocks";
		if (change != null) {
			return changeRows(me, id, draft, change, action, "studio.add.submit", htmx, model);
		}
		return edit(me, id, htmx, model, redirect, draft,
				() -> withUpload(me, form, file, sent -> workbench.add(me, new LessonId(id), sent.toBlock(json))));
	}

	@PostMapping("/studio/lessons/{id}/blocks/{index}")
	String replaceBlock(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable int index,
			@ModelAttribute BlockForm form, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String section,
			@RequestParam(required = false) @Nullable String change,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		var draft = draft(section, form);
		var action = "/studio/lessons/" + id + "/blocks/" + index;
		if (change != null) {
			return changeRows(me, id, draft, change, action, "studio.save-block", htmx, model);
		}
		return edit(me, id, htmx, model, redirect, draft,
				() -> withUpload(me, form, file, sent -> workbench.replace(me, new LessonId(id), index, sent.toBlock(json))));
	}

	@PostMapping("/studio/lessons/{id}/blocks/{index}/move")
	String move(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable int index,
			@RequestParam String direction, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect,
				() -> workbench.move(me, new LessonId(id), index, "up".equals(direction) ? -1 : 1));
	}

	/** A block dragged to another place: the script sends where from and where to, each counted from 0. */
	@PostMapping("/studio/lessons/{id}/blocks/order")
	String reorder(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @RequestParam int from,
			@RequestParam int to, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> workbench.reorder(me, new LessonId(id), from, to));
	}

	@PostMapping("/studio/lessons/{id}/blocks/{index}/delete")
	String delete(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, @PathVariable int index,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> workbench.remove(me, new LessonId(id), index));
	}

	@PostMapping("/studio/lessons/{id}/publish")
	String publish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean significant,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> workbench.publish(me, new LessonId(id), significant));
	}

	@PostMapping("/studio/lessons/{id}/unpublish")
	String unpublish(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> {
			workbench.unpublish(me, new LessonId(id));
			return workbench.latest(me, new LessonId(id));
		});
	}

	@PostMapping("/studio/lessons/{id}/archive")
	String archive(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> {
			workbench.archive(me, new LessonId(id));
			return workbench.latest(me, new LessonId(id));
		});
	}

	@PostMapping("/studio/lessons/{id}/restore")
	String restore(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(me, id, htmx, model, redirect, () -> {
			workbench.restore(me, new LessonId(id));
			return workbench.latest(me, new LessonId(id));
		});
	}

	/** Deletes a draft never published; any other lesson comes back to its editor with what names it. */
	@PostMapping("/studio/lessons/{id}/delete")
	String deleteLesson(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, Model model,
			RedirectAttributes redirect) {
		try {
			workbench.delete(me, new LessonId(id));
		}
		catch (ContentInUse refused) {
			show(me, workbench.latest(me, new LessonId(id)), model, refused.getMessage());
			return EDITOR;
		}
		redirect.addFlashAttribute("flash", "studio.deleted");
		return "redirect:/studio";
	}

	@GetMapping("/studio/lessons/{id}/export")
	ResponseEntity<String> export(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id) {
		var content = workbench.export(me, new LessonId(id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lesson-" + id + ".json\"")
			.body(json.writerWithDefaultPrettyPrinter().writeValueAsString(content));
	}

	/** Applies an edit and answers with the editor: its fragment for htmx, a redirect to the page otherwise. */
	private String edit(CurrentMember me, UUID id, @Nullable String htmx, Model model, RedirectAttributes redirect,
			Supplier<LessonVersion> change) {
		return edit(me, id, htmx, model, redirect, Draft.NONE, change);
	}

	/** As above; when a block's form is refused, it comes back as {@code draft}, with the reason, instead of saved. */
	private String edit(CurrentMember me, UUID id, @Nullable String htmx, Model model, RedirectAttributes redirect,
			Draft draft, Supplier<LessonVersion> change) {
		LessonVersion version;
		String error = null;
		try {
			version = change.get();
		}
		catch (InvalidValueException | InvalidRequestException | ConflictException | LessonNotPublishable
				| ContentInUse refused) {
			error = refused.getMessage();
			version = workbench.latest(me, new LessonId(id));
		}
		if (htmx != null || error != null) {
			var refused = error != null && draft.form() != null;
			show(me, version, model, refused ? null : error);
			if (refused) {
				model.addAttribute("draft", new Draft(draft.section(), draft.form(), error));
			}
			return htmx != null ? EDITOR + " :: editor" : EDITOR;
		}
		redirect.addFlashAttribute("flash", "studio.saved");
		return "redirect:/studio/lessons/" + id;
	}

	/**
	 * Replaces the cover of the lesson's draft (opening one after a published version) with the uploaded image. A
	 * refused image is said beside the file field, and nothing is stored.
	 */
	@PostMapping("/studio/lessons/{id}/cover")
	String replaceCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable MultipartFile cover, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			workbench.replaceCover(me, new LessonId(id), CoverUploads.read(cover));
		}
		catch (InvalidValueException refused) {
			show(me, workbench.latest(me, new LessonId(id)), model, null);
			model.addAttribute("coverError", refused.getMessage());
			return EDITOR;
		}
		redirect.addFlashAttribute("flash", "studio.lesson.cover-saved");
		return "redirect:/studio/lessons/" + id + "#cover-heading";
	}

	@PostMapping("/studio/lessons/{id}/cover/removal")
	String removeCover(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		workbench.removeCover(me, new LessonId(id));
		redirect.addFlashAttribute("flash", "studio.lesson.cover-removed");
		return "redirect:/studio/lessons/" + id + "#cover-heading";
	}

	private String show(CurrentMember me, LessonVersion version, Model model, @Nullable String error) {
		model.addAttribute("version", version);
		model.addAttribute("cover", workbench.coverPath(me, version));
		model.addAttribute("lesson", version.content());
		model.addAttribute("forms", version.content().blocks().stream().map(b -> BlockForm.of(b, json)).toList());
		model.addAttribute("warnings", workbench.warnings(me, version.content()));
		model.addAttribute("estimate", workbench.estimate(me, version.content()));
		model.addAttribute("objectiveCheck", linter.check(version.content().objective().text(), null));
		model.addAttribute("skills", skills.of(me.organisationId()));
		model.addAttribute("published", lessons.latestPublished(me.organisationId(), version.lessonId()).orElse(null));
		model.addAttribute("summary", workbench.summary(me, version.lessonId()));
		model.addAttribute("error", error);
		model.addAttribute("draft", Draft.NONE);
		model.addAttribute("newQuestions", QuestionForm.TYPES.stream()
			.collect(Collectors.toMap(type -> type, QuestionForm::blank, (a, b) -> a, LinkedHashMap::new)));
		return EDITOR;
	}

	/**
	 * A row button of a question form: the form comes back with the row added, removed or moved, and nothing is
	 * saved. Without JavaScript that is the whole editor with this form open; with htmx only the form, in place. The
	 * focus goes to what the author works on next (the new row, the moved row's button).
	 */
	private String changeRows(CurrentMember me, UUID id, Draft draft, String change, String action, String submit,
			@Nullable String htmx, Model model) {
		var question = draft.form() == null ? null : draft.form().question();
		if (question == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Only a question's form, named by its section, has rows to change");
		}
		// Nothing is saved, but only the lesson's authors get its forms.
		var version = workbench.latest(me, new LessonId(id));
		var changed = question.change(change);
		model.addAttribute("focus", draft.section() + "-" + changed.focusAfter(change));
		if (htmx == null) {
			show(me, version, model, null);
			model.addAttribute("draft", new Draft(draft.section(), draft.form().with(changed), null));
			return EDITOR;
		}
		model.addAttribute("draft", Draft.NONE);
		model.addAttribute("q", changed);
		model.addAttribute("p", draft.section());
		model.addAttribute("action", action);
		model.addAttribute("submit", submit);
		return "authoring/fields :: question";
	}

	/**
	 * The form sent, named as the editor names it ({@code section}); a form that does not say which one it is never
	 * comes back as a draft, and a refusal is shown above the editor instead.
	 */
	private static Draft draft(@Nullable String section, BlockForm form) {
		return section != null && section.matches("(b[0-9]{1,2}|new-[a-z-]{1,20})") ? new Draft(section, form, null)
				: Draft.NONE;
	}

	/**
	 * A file chosen in an image, video or audio form is uploaded first and its media id used in the edit; when the
	 * edit is then refused (no alternative text, say), the file is removed again, so a refused block leaves nothing
	 * stored.
	 */
	private LessonVersion withUpload(CurrentMember me, BlockForm form, @Nullable MultipartFile file,
			java.util.function.Function<BlockForm, LessonVersion> edit) {
		if (file == null || file.isEmpty()) {
			return edit.apply(form);
		}
		var stored = upload(me, file);
		try {
			return edit.apply(form.withMedia(stored.id().toString()));
		}
		catch (RuntimeException refused) {
			media.discard(me.organisationId(), stored.id());
			throw refused;
		}
	}

	private io.morsel.catalog.Media upload(CurrentMember me, MultipartFile file) {
		try (var in = file.getInputStream()) {
			return media.store(me, file.getOriginalFilename(), in);
		}
		catch (MediaLibrary.UnsupportedMediaException | MediaLibrary.MediaTooLargeException refused) {
			throw new InvalidValueException(refused.getDetailMessageCode(), refused.getDetailMessageArguments());
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read the upload", e);
		}
	}

	private static String megabytes(int bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
