package io.morsel.delivery.web;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.delivery.RuleTiming;
import io.morsel.delivery.TriggerRules;
import io.morsel.delivery.TriggerType;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The managers' trigger rules: the list, a form to add one, and a button to remove each. */
@Controller
class TriggerRulesController {

	private static final String VIEW = "delivery/rules";

	private final TriggerRules rules;
	private final Lessons lessons;
	private final Programs programs;

	TriggerRulesController(TriggerRules rules, Lessons lessons, Programs programs) {
		this.rules = rules;
		this.lessons = lessons;
		this.programs = programs;
	}

	/**
	 * The add form as typed.
	 *
	 * @param target {@code lesson:<id>} or {@code program:<id>}
	 * @param conditions one {@code name=value} a line
	 * @param when {@code minutes} (offsetMinutes after the event, negative before) or {@code day} (dayOffset, at)
	 */
	record RuleForm(String type, String name, String conditions, String target, String when, String offsetMinutes,
			String dayOffset, String at) {

		static RuleForm empty() {
			return new RuleForm("", "", "", "", "day", "0", "-1", "18:00");
		}
	}

	@GetMapping("/delivery/rules")
	String rules(@AuthenticationPrincipal CurrentMember me, Model model) {
		show(me, model, RuleForm.empty());
		return VIEW;
	}

	@PostMapping("/delivery/rules")
	ModelAndView add(@AuthenticationPrincipal CurrentMember me, RuleForm form, Model model,
			RedirectAttributes redirect) {
		try {
			var target = form.target() == null ? "" : form.target();
			LessonId lesson = target.startsWith("lesson:") ? new LessonId(uuid(target.substring(7))) : null;
			ProgramId program = target.startsWith("program:") ? new ProgramId(uuid(target.substring(8))) : null;
			rules.add(me, new TriggerType(form.type() == null ? "" : form.type().strip()), form.name(),
					conditions(form.conditions()), lesson, program, timing(form));
		}
		catch (InvalidValueException | NotFoundException refused) {
			show(me, model, form);
			model.addAttribute("error", refused.getBody().getDetail());
			return new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
		}
		redirect.addFlashAttribute("flash", "flash.delivery.rule-added");
		return new ModelAndView("redirect:/delivery/rules");
	}

	@PostMapping("/delivery/rules/{id}/removal")
	String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		rules.remove(me, id);
		redirect.addFlashAttribute("flash", "flash.delivery.rule-removed");
		return "redirect:/delivery/rules";
	}

	private void show(CurrentMember me, Model model, RuleForm form) {
		model.addAttribute("rules", rules.all(me.organisationId()));
		model.addAttribute("lessons", lessons.published(me.organisationId()));
		model.addAttribute("programs", programs.all(me.organisationId()));
		model.addAttribute("form", form);
	}

	private static Map<String, String> conditions(String text) {
		var conditions = new LinkedHashMap<String, String>();
		if (text == null) {
			return conditions;
		}
		for (var line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			var equals = line.indexOf('=');
			if (equals < 1) {
				throw new InvalidValueException("delivery.refused.write-each-condition-name-value-line", line.strip());
			}
			conditions.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
		}
		return conditions;
	}

	private static RuleTiming timing(RuleForm form) {
		try {
			if ("minutes".equals(form.when())) {
				return new RuleTiming(Integer.parseInt(form.offsetMinutes().strip()), 0, null);
			}
			return new RuleTiming(0, Integer.parseInt(form.dayOffset().strip()), LocalTime.parse(form.at().strip()));
		}
		catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
			throw new InvalidValueException("delivery.refused.give-time-minutes-event-day-time");
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidValueException("delivery.refused.choose-lesson-program");
		}
	}
}
